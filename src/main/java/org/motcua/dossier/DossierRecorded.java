package org.motcua.dossier;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.motcua.process.ProcessContract.Decisions;

/**
 * A line written to a dossier's history, with what an applicant's message about it needs. Published synchronously,
 * inside the transaction that wrote the line (by {@link DossierChanges}, after the {@link DossierChanged} of the same
 * save), so what a listener writes commits or rolls back with it: the notifications of a rolled-back change are never
 * written.
 *
 * @param at            when the line was written: with {@code code} and {@code action} it names the line (a
 *                      listener's idempotency keys derive from it)
 * @param ownerUsername the account that submitted the dossier online (or to which the counter linked it); null for
 *                      an applicant at the counter without an account
 * @param dueAt         the appointment date (ngày hẹn trả) fixed at reception
 * @param appointmentAt the new appointment of the latest apology (form 04), if any
 * @param note          the officer's written text for the line: the supplement guide (form 02), the refusal's reason
 *                      (form 03), the apology's reason (form 04); else the line's own note
 * @param paymentFollows for {@code FINISHED}: a fee is due before the result, so a payment request follows at once
 */
public record DossierRecorded(
    String code,
    String procedureCode,
    String procedureName,
    String agencyCode,
    DossierAction action,
    LocalDateTime at,
    int status,
    String ownerUsername,
    String applicantName,
    String applicantPhone,
    String applicantEmail,
    LocalDateTime receivedAt,
    LocalDateTime dueAt,
    LocalDateTime appointmentAt,
    long feeVnd,
    String note,
    boolean paymentFollows) {

  /** Actions whose written text is the officer's note on the task decision that led to them. */
  private static final Set<DossierAction> NOTE_OF_THE_DECISION = Set.of(DossierAction.SUPPLEMENT_REQUESTED,
      DossierAction.REFUSED, DossierAction.NOT_RECEIVED);

  static DossierRecorded of(Dossier d, DossierEvent line) {
    Applicant applicant = d.getApplicant();
    String note = line.getNote();
    if (note == null && NOTE_OF_THE_DECISION.contains(line.getAction())) {
      note = decisionNote(d.getHistory(), line.getAction());
    }
    return new DossierRecorded(d.getCode(), d.getProcedureCode(), d.getProcedureName(), d.getAgencyCode(),
        line.getAction(), line.getAt(), line.getStatusCode(), d.getOwnerUsername(),
        applicant == null ? null : applicant.getName(), applicant == null ? null : applicant.getPhone(),
        applicant == null ? null : applicant.getEmail(), d.getReceivedAt(), d.getDueAt(), d.getAppointmentAt(),
        d.getFeeVnd(), note, line.getAction() == DossierAction.FINISHED && d.isFeeDueBeforeResult());
  }

  /** The note of the latest completed task whose decision led to the action (as forms 02 and 03 print it). */
  private static String decisionNote(List<DossierEvent> history, DossierAction action) {
    String decision = action == DossierAction.SUPPLEMENT_REQUESTED ? Decisions.SUPPLEMENT : Decisions.REFUSE;
    for (int i = history.size() - 1; i >= 0; i--) {
      DossierEvent e = history.get(i);
      if (e.getAction() == DossierAction.TASK_COMPLETED && decision.equals(e.getDecision())) {
        return e.getNote();
      }
    }
    return null;
  }
}
