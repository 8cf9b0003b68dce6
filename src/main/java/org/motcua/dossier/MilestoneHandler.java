package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.motcua.calendar.TimeLimit;
import org.motcua.payment.Payments;
import org.motcua.process.DossierProcess;
import org.motcua.process.Milestone;
import org.motcua.process.ProcessContract.Timers;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.process.ProcessMilestones;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** What each milestone of the process means for the dossier; runs inside the engine's transaction. */
@Component
class MilestoneHandler implements ProcessMilestones {

  private final DossierRepository dossiers;
  private final DossierChanges changes;
  private final Deadlines deadlines;
  private final DossierProcess process;
  private final Clock clock;
  private final Payments payments;

  MilestoneHandler(DossierRepository dossiers, DossierChanges changes, Deadlines deadlines,
      @Lazy DossierProcess process, Clock clock, Payments payments) {
    this.payments = payments;
    this.dossiers = dossiers;
    this.changes = changes;
    this.deadlines = deadlines;
    this.process = process;
    this.clock = clock;
  }

  @Override
  public Map<String, Object> reached(String dossierCode, Milestone milestone) {
    Dossier dossier = dossiers.findByCode(dossierCode)
        .orElseThrow(() -> new IllegalStateException("No dossier " + dossierCode + " for its process"));
    Map<String, Object> variables = apply(dossier, milestone);
    changes.save(dossier);
    return variables;
  }

  /** A consultation that timed out names the consulted agency in the dossier's history. */
  @Override
  public Map<String, Object> reached(String dossierCode, Milestone milestone, String agencyCode) {
    if (milestone != Milestone.CONSULTATION_TIMED_OUT) {
      return reached(dossierCode, milestone);
    }
    Dossier dossier = dossiers.findByCode(dossierCode)
        .orElseThrow(() -> new IllegalStateException("No dossier " + dossierCode + " for its process"));
    dossier.consultationTimedOut(LocalDateTime.now(clock), agencyCode);
    changes.save(dossier);
    return Map.of();
  }

  private Map<String, Object> apply(Dossier dossier, Milestone milestone) {
    LocalDateTime now = LocalDateTime.now(clock);
    Actor actor = Actor.current();
    switch (milestone) {
      case RECEIVED -> {
        LocalDateTime due = deadlines.due(now, new TimeLimit(dossier.getDurationValue(), dossier.getDurationUnit()));
        dossier.receive(now, due, actor);
        return Deadlines.variables(due, deadlines.warnAt(now, due));
      }
      case SUPPLEMENT_REQUESTED -> {
        dossier.requestSupplement(now, actor);
        if (dossier.isPaused()) {
          process.rescheduleTimers(dossier.getCode(), Deadlines.timers(Timers.PAUSED_UNTIL, Timers.PAUSED_UNTIL));
        }
      }
      case NOT_RECEIVED -> dossier.notReceived(now, actor);
      case PROCESSING -> dossier.startProcessing(now, actor);
      case DUE_SOON -> dossier.markDueSoon(now);
      case OVERDUE -> dossier.markOverdue(now);
      case REFUSED -> dossier.refuse(now, actor);
      case FINISHED -> {
        dossier.finish(now, actor);
        return Map.of(Variables.PAYMENT_REQUIRED, dossier.isFeeDueBeforeResult());
      }
      case PAYMENT_REQUESTED -> {
        dossier.requestPayment(now, actor);
        payments.open(dossier.getCode(), dossier.getFeeVnd());
        return Map.of(Variables.PAYMENT_DEADLINE_AT, deadlines.paymentDeadline(now),
            Variables.PAYMENT_REMINDER, deadlines.paymentReminder());
      }
      case PAYMENT_REMINDED -> dossier.remindPayment(now);
      case UNPAID_STOPPED -> {
        dossier.stopUnpaid(now);
        payments.cancelOpenCharges(dossier.getCode());
      }
      case RETURNED -> dossier.returnResult(now, actor);
      case WITHDRAWN -> dossier.withdraw(now, actor);
      case WITHDRAWAL_REJECTED -> dossier.rejectWithdrawal(now, actor);
      case OBLIGATION_NOTIFIED -> {
        dossier.notifyObligation(now, actor);
        process.rescheduleTimers(dossier.getCode(), Deadlines.timers(Timers.PAUSED_UNTIL, Timers.PAUSED_UNTIL));
      }
      case CONSULTATION_TIMED_OUT -> dossier.consultationTimedOut(now, null);
    }
    return Map.of();
  }
}
