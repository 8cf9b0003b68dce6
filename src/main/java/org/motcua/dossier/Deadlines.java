package org.motcua.dossier;

import java.time.LocalDateTime;
import java.util.Map;
import org.motcua.calendar.TimeLimit;
import org.motcua.calendar.WorkingCalendar;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract.Timers;
import org.motcua.process.ProcessContract.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A dossier's deadlines in working time: the appointment date at reception, the warning before it, and the move
 * after a supplement pause. The BPMN timers that wait for them are named in {@code ProcessContract}.
 */
@Component
class Deadlines {

  private final WorkingCalendar calendar;
  private final long warnBeforeMinutes;
  private final int paymentStopDays;
  private final int paymentReminderDays;

  Deadlines(WorkingCalendar calendar,
      @Value("${motcua.deadline.warn-before-working-hours:8}") int warnBeforeWorkingHours,
      @Value("${motcua.payment.stop-after-working-days:10}") int paymentStopDays,
      @Value("${motcua.payment.remind-every-working-days:3}") int paymentReminderDays) {
    this.calendar = calendar;
    this.warnBeforeMinutes = warnBeforeWorkingHours * 60L;
    this.paymentStopDays = paymentStopDays;
    this.paymentReminderDays = paymentReminderDays;
  }

  /** When an unpaid dossier stops: a number of working days after the payment request. */
  LocalDateTime paymentDeadline(LocalDateTime requestedAt) {
    return calendar.due(requestedAt, TimeLimit.workingDays(paymentStopDays));
  }

  /** The reminder's period as the engine's working-time calendar reads it ({@code P3D} = 3 working days). */
  String paymentReminder() {
    return Variables.workingDays(paymentReminderDays);
  }

  LocalDateTime due(LocalDateTime receivedAt, TimeLimit limit) {
    return calendar.due(receivedAt, limit);
  }

  /** The "due soon" warning: a working day before the due date, or halfway for dossiers shorter than two days. */
  LocalDateTime warnAt(LocalDateTime from, LocalDateTime due) {
    long total = calendar.workingMinutesBetween(from, due);
    return calendar.minusWorkingMinutes(due, Math.min(warnBeforeMinutes, total / 2));
  }

  /**
   * The due date after a supplement pause: later by the working time the dossier waited for the applicant. A pause
   * that took no working time (after closing, over lunch, over a weekend) leaves it as it was, 17:00 included.
   */
  LocalDateTime afterPause(LocalDateTime due, LocalDateTime pausedAt, LocalDateTime resumedAt) {
    long paused = calendar.workingMinutesBetween(pausedAt, resumedAt);
    return calendar.plusWorkingMinutes(due, paused);
  }

  /**
   * After a pause (a supplement, a notice of financial obligation): the process's warning and due timers, and the
   * variables they wait for, move to the new due date.
   */
  void resumeTimers(DossierProcess process, String dossierCode, LocalDateTime now, LocalDateTime newDue) {
    LocalDateTime warnAt = warnAt(now, newDue);
    process.setVariables(dossierCode, variables(newDue, warnAt));
    process.rescheduleTimers(dossierCode, timers(newDue, warnAt));
  }

  static Map<String, Object> variables(LocalDateTime due, LocalDateTime warnAt) {
    return Map.of(Timers.OVERDUE.waitsFor(), due, Timers.DUE_SOON.waitsFor(), warnAt);
  }

  static Map<String, LocalDateTime> timers(LocalDateTime due, LocalDateTime warnAt) {
    return Map.of(Timers.DUE_SOON.eventId(), warnAt, Timers.OVERDUE.eventId(), due);
  }
}
