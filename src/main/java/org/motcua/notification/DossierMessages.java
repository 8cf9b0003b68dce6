package org.motcua.notification;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.dossier.FollowDossier;
import org.motcua.outbox.Outbox;
import org.motcua.security.MotcuaUser;
import org.springframework.stereotype.Service;

/**
 * The messages sent about a dossier, for whoever may read the dossier (its applicant, the officers of its agency,
 * supervisors above it, administrators): what each said, through which channel, to which address, whether it was sent.
 */
@Service
public class DossierMessages implements UseCase {

  private final FollowDossier dossiers;
  private final NotificationMessages messages;
  private final Outbox outbox;

  DossierMessages(FollowDossier dossiers, NotificationMessages messages, Outbox outbox) {
    this.dossiers = dossiers;
    this.messages = messages;
    this.outbox = outbox;
  }

  @Override
  public Set<Refusal> refusals() {
    return dossiers.refusals();
  }

  /** Whether a message reached its provider (the SMTP server, the SMS or Zalo gateway). */
  public enum Status {
    /** Written, not yet accepted by the provider: waiting for its first attempt or retried after failures. */
    PENDING,
    /** Accepted by the provider. */
    SENT,
    /** Given up after {@code motcua.outbox.give-up-after}; an administrator may resend it. */
    FAILED
  }

  /** One message as its reader sees it. */
  public record MessageView(long id, String event, NotificationChannel channel, String recipient, String subject,
      String body, Status status, LocalDateTime createdAt, LocalDateTime sentAt, int attempts) {
  }

  /** The dossier's messages, oldest first; a dossier the user may not read is unknown to them (404). */
  public List<MessageView> of(MotcuaUser user, String dossierCode) {
    dossiers.read(user, dossierCode);
    List<NotificationMessages.Message> written = messages.ofDossier(dossierCode);
    Map<String, Outbox.Delivery> deliveries = outbox.deliveries(written.stream()
        .map(NotificationMessages.Message::key).toList());
    return written.stream().map(m -> {
      Outbox.Delivery d = deliveries.get(m.key());
      Status status = d == null ? Status.PENDING : switch (d.state()) {
        case DELIVERED -> Status.SENT;
        case DEAD -> Status.FAILED;
        case PENDING, FAILING -> Status.PENDING;
      };
      return new MessageView(m.id(), m.event().name(), m.channel(), m.recipient(), m.subject(), m.body(), status,
          m.createdAt(), d == null ? null : d.deliveredAt(), d == null ? 0 : d.attempts());
    }).toList();
  }
}
