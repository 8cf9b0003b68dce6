package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.motcua.calendar.TimeLimit;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.Procedure;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.process.DossierProcess;
import org.motcua.security.MotcuaUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Đổi trường hợp khi tiếp nhận: the reception clerk finds that the applicant chose the wrong case (a birth registered
 * late, not on time; a copy to certify that is complex; a reduced fee the applicant is entitled to) and corrects it
 * while the dossier waits for reception. First a preview (the new case's fee, time limit, appointment if received now
 * and components), then the confirmation, which writes the history line and gives the process the new case's step
 * budgets. The dossier stays bound to its catalogue version: only that version's cases are offered.
 */
@Service
public class ChangeCase implements UseCase {

  /** Only a dossier waiting for reception (status 1) changes its case. Args: dossier. */
  static final Refusal CASE_CHANGE_NOT_ALLOWED = Refusal.of("CASE_CHANGE_NOT_ALLOWED", HttpStatus.CONFLICT);
  /** The dossier is already under that case. Args: case name. */
  static final Refusal SAME_CASE = Refusal.of("SAME_CASE", HttpStatus.BAD_REQUEST, "caseCode");
  /**
   * A fee due at submission was settled before the dossier reached reception: a case with another such amount needs
   * a new submission. Args: case name, amount taken, new amount.
   */
  static final Refusal CASE_CHANGE_FEE_AT_SUBMISSION = Refusal.of("CASE_CHANGE_FEE_AT_SUBMISSION",
      HttpStatus.CONFLICT, "caseCode");
  /** The process that carries the dossier cannot change under it. Args: case name, its process key. */
  static final Refusal CASE_CHANGE_PROCESS_DIFFERS = Refusal.of("CASE_CHANGE_PROCESS_DIFFERS", HttpStatus.CONFLICT,
      "caseCode");

  private final DossierLookup lookup;
  private final Catalog catalog;
  private final Deadlines deadlines;
  private final DossierProcess process;
  private final DossierDocuments documents;
  private final Clock clock;

  ChangeCase(DossierLookup lookup, Catalog catalog, Deadlines deadlines, DossierProcess process,
      DossierDocuments documents, Clock clock) {
    this.documents = documents;
    this.lookup = lookup;
    this.catalog = catalog;
    this.deadlines = deadlines;
    this.process = process;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED, IntakeRefusal.CASE_REQUIRED,
        IntakeRefusal.UNKNOWN_CASE, CASE_CHANGE_NOT_ALLOWED, SAME_CASE, CASE_CHANGE_FEE_AT_SUBMISSION,
        CASE_CHANGE_PROCESS_DIFFERS);
  }

  /**
   * What the dossier would be under another case, shown to the clerk before they confirm.
   *
   * @param appointmentIfReceivedNow the appointment date (ngày hẹn trả) if the clerk received the dossier now
   * @param feeChanged false when the new case has the same fee schedule (the fee declared at submission stays)
   */
  public record Preview(String dossierCode, String fromCode, String fromName, String toCode, String toName,
      long feeVnd, String feeDetail, FeeSchedule.Due feeDue, boolean feeChanged, TimeLimit duration,
      LocalDateTime appointmentIfReceivedNow, List<Procedure.Component> components) {
  }

  @Transactional(readOnly = true)
  public Preview preview(MotcuaUser clerk, String code, String caseCode) {
    Dossier dossier = lookup.find(code);
    Plan plan = plan(clerk, dossier, caseCode);
    FeeSchedule.Quote fee = plan.fee();
    TimeLimit limit = plan.to().duration(dossier.getChannel() == Channel.ONLINE);
    return new Preview(code, plan.from() == null ? null : plan.from().code(), plan.fromName(), plan.to().code(),
        plan.to().name(), fee == null ? dossier.getFeeVnd() : fee.totalVnd(),
        fee == null ? dossier.getFeeDetail() : fee.lines().isEmpty() ? null : fee.describe(),
        fee == null ? dossier.getFeeDue() : plan.to().fee().due(), fee != null, limit,
        deadlines.due(LocalDateTime.now(clock), limit), plan.to().components());
  }

  /** Confirms the change the preview showed; the dossier's row is locked so two clerks do not both change it. */
  @Transactional
  public Dossier confirm(MotcuaUser clerk, String code, String caseCode) {
    Dossier dossier = lookup.locked(code);
    Plan plan = plan(clerk, dossier, caseCode);
    dossier.changeCase(plan.to(), plan.fee(), documents.supplied(dossier, plan.to().components()), plan.fromName(),
        LocalDateTime.now(clock), Actor.of(clerk));
    lookup.save(dossier);
    // The tasks still to come take their due dates from the new case's budgets.
    process.setVariables(code, Intake.budgets(plan.to()));
    return lookup.shown(dossier);
  }

  /** The checks both steps share, and what the new case gives. */
  private Plan plan(MotcuaUser clerk, Dossier dossier, String caseCode) {
    DossierAccess.checkClerk(clerk, dossier);
    if (!dossier.awaitsReception()) {
      throw CASE_CHANGE_NOT_ALLOWED.exception(dossier.getCode());
    }
    Procedure version = catalog.version(dossier.getProcedureCode(), dossier.getProcedureValidFrom())
        .orElseThrow(() -> IntakeRefusal.UNKNOWN_PROCEDURE.exception(dossier.getProcedureCode()));
    if (caseCode == null || caseCode.isBlank()) {
      throw IntakeRefusal.CASE_REQUIRED.exception(version.code());
    }
    Procedure.Case to = version.caseOf(caseCode.trim())
        .orElseThrow(() -> IntakeRefusal.UNKNOWN_CASE.exception(caseCode.trim(), version.code()));
    Procedure.Case from = catalog.caseOf(dossier.getProcedureCode(), dossier.getProcedureValidFrom(),
        dossier.getCaseCode()).orElse(null);
    if (from != null && from.code().equals(to.code())) {
      throw SAME_CASE.exception(to.name());
    }
    String fromProcess = from == null ? version.processKey() : from.processKey();
    if (!to.processKey().equals(fromProcess)) {
      throw CASE_CHANGE_PROCESS_DIFFERS.exception(to.name(), to.processKey());
    }
    // The same schedule keeps the fee quoted from the applicant's declared quantities; another is quoted at its
    // defaults (the declared quantities are not kept apart from the fee).
    FeeSchedule.Quote fee = from != null && Objects.equals(from.fee(), to.fee()) ? null : to.fee().quote(Map.of());
    long newFee = fee == null ? dossier.getFeeVnd() : fee.totalVnd();
    boolean atSubmission = dossier.isFeeDueAtSubmission() || to.fee().due() == FeeSchedule.Due.AT_SUBMISSION;
    if (atSubmission && newFee != dossier.getFeeVnd()) {
      throw CASE_CHANGE_FEE_AT_SUBMISSION.exception(to.name(), dossier.getFeeVnd(), newFee);
    }
    return new Plan(from == null ? dossier.getProcedureName() : from.name(), from, to, fee);
  }

  /** {@code fee} null: the fee stays. */
  private record Plan(String fromName, Procedure.Case from, Procedure.Case to, FeeSchedule.Quote fee) {
  }
}
