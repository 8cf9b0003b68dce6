package org.motcua.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.motcua.common.RunsUseCase;
import org.motcua.security.MotcuaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The applicant's messages: the channels they chose, and the messages sent about a dossier. */
@Tag(name = "Notifications",
    description = "Thông báo cho người nộp hồ sơ: e-mail, SMS and Zalo messages when the dossier is received, a "
        + "supplement is asked for, a fee is due, the result is ready, …; the channels an account chose.")
@RestController
class NotificationController {

  private final NotificationPreferences preferences;
  private final DossierMessages messages;

  NotificationController(NotificationPreferences preferences, DossierMessages messages) {
    this.preferences = preferences;
    this.messages = messages;
  }

  @Operation(operationId = "getNotificationPreferences", summary = "The channels and language of my messages",
      description = "The signed-in account's choice; `chosen: false` when it never chose (the configured defaults, "
          + "in Vietnamese).")
  @GetMapping("/api/notifications/preferences")
  NotificationPreferences.Preference mine(@AuthenticationPrincipal MotcuaUser user) {
    return preferences.of(user.username());
  }

  /**
   * What an account chooses.
   *
   * @param channels EMAIL, SMS, ZALO (none: no messages)
   * @param language vi or en (empty: vi)
   */
  record PreferenceRequest(List<String> channels, String language) {
  }

  @Operation(operationId = "setNotificationPreferences", summary = "Choose the channels and language of my messages",
      description = "For the signed-in account: e-mail goes to the account's e-mail, SMS and Zalo to its phone. "
          + "Messages already written keep their channels.")
  @PutMapping("/api/notifications/preferences")
  @RunsUseCase(NotificationPreferences.class)
  NotificationPreferences.Preference choose(@AuthenticationPrincipal MotcuaUser user,
      @RequestBody PreferenceRequest request) {
    return preferences.choose(user.username(), request.channels(), request.language());
  }

  @Operation(operationId = "listDossierMessages", summary = "The messages sent about a dossier",
      description = "For whoever may read the dossier (its applicant, its agency's officers, supervisors above it, "
          + "administrators; anyone else: 404). Oldest first: event, channel, address, subject, text, status "
          + "(PENDING, SENT, FAILED), written and sent instants.")
  @GetMapping("/api/dossiers/{code}/messages")
  @RunsUseCase(DossierMessages.class)
  List<DossierMessages.MessageView> ofDossier(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code) {
    return messages.of(user, code);
  }
}
