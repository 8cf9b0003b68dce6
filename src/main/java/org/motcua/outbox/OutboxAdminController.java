package org.motcua.outbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.motcua.common.RunsUseCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox for an administrator (ADMIN only, see SecurityConfig): counts by topic, events, resend a dead letter. */
@Tag(name = "Outbox",
    description = "Integration events on their way out (national portal status sync, applicant notifications): "
        + "pending, failing, dead letters; resend a dead letter (ADMIN).")
@RestController
@RequestMapping("/api/admin/outbox")
class OutboxAdminController {

  private final OutboxAdmin admin;

  OutboxAdminController(OutboxAdmin admin) {
    this.admin = admin;
  }

  @Operation(operationId = "outboxTopics", summary = "Events by topic and state",
      description = "ADMIN only. For every topic with events: how many are pending (not yet tried or waiting without "
          + "a failure), failing (retried with back-off after a failure), dead (given up after "
          + "`motcua.outbox.give-up-after`, waiting for a resend) and delivered.")
  @GetMapping
  List<OutboxAdmin.TopicCounts> topics() {
    return admin.topics();
  }

  @Operation(operationId = "outboxEvents", summary = "Events of a topic in a state",
      description = "ADMIN only. Oldest first, at most 200, optionally of one dossier: key, dossier, attempts, next "
          + "attempt, last error, when "
          + "given up. Without `state`, every undelivered event (dead letters included).")
  @GetMapping("/events")
  @RunsUseCase(OutboxAdmin.class)
  List<OutboxAdmin.EventView> events(
      @Parameter(description = "e.g. dossier.status-changed, notification.email") @RequestParam(required = false)
      String topic,
      @Parameter(description = "PENDING, FAILING, DEAD or DELIVERED") @RequestParam(required = false) String state,
      @Parameter(description = "one dossier's events") @RequestParam(required = false) String dossierCode) {
    return admin.events(topic, state, dossierCode);
  }

  @Operation(operationId = "resendOutboxEvent", summary = "Resend a dead letter",
      description = "ADMIN only. The same event with the same idempotency key (the receiver drops it if it had it), "
          + "attempts counted from zero, due now. Only a dead letter (`OUTBOX_EVENT_NOT_DEAD` otherwise).")
  @PostMapping("/events/{id}/resend")
  @RunsUseCase(OutboxAdmin.class)
  OutboxAdmin.EventView resend(@PathVariable long id) {
    return admin.resend(id);
  }
}
