package org.motcua.portal;

import java.time.LocalDate;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.outbox.OutboxReplay;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Gửi lại: sends the national portal every dossier change written in a period again, with the same keys, for when
 * the portal (or the link to it) lost some: the portal drops what it already has. From the command line
 * ({@code portal-resend}) or the administrators' API.
 */
@Service
public class PortalResend implements UseCase {

  /** {@code to} before {@code from}. Args: from, to. */
  static final Refusal PERIOD_INVALID = Refusal.of("PORTAL_RESEND_PERIOD_INVALID", HttpStatus.BAD_REQUEST);

  private final OutboxReplay replay;

  PortalResend(OutboxReplay replay) {
    this.replay = replay;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(PERIOD_INVALID);
  }

  /** The changes written from {@code from} 00:00 to {@code to} 24:00 are due again; how many. */
  public Resent resend(LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw PERIOD_INVALID.exception(from, to);
    }
    int events = replay.replay(OutboxReplay.portalTopics(), from.atStartOfDay(), to.plusDays(1).atStartOfDay());
    return new Resent(from, to, events);
  }

  /** What a resend queued: the status-change events of the period, due now. */
  public record Resent(LocalDate from, LocalDate to, int events) {
  }
}
