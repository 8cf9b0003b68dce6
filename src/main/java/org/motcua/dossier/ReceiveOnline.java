package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.Procedure;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.security.CurrentUser;
import org.motcua.security.MotcuaUser;
import org.motcua.security.SignInMethod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nộp hồ sơ trực tuyến: a citizen submits a dossier online, with its component files or not. The dossier waits in
 * status 1 (or 6, when the fee is due at submission) for a clerk of the receiving agency to receive it: the one the
 * applicant chose among the procedure's offerings (the only one, when there is one).
 */
@Service
public class ReceiveOnline implements UseCase {

  private static final Set<Refusal> REFUSALS = Set.of(IntakeRefusal.UNKNOWN_PROCEDURE,
      IntakeRefusal.PROCEDURE_NOT_ONLINE, IntakeRefusal.INVALID_ID_NUMBER, IntakeRefusal.UNKNOWN_FEE_QUANTITY,
      IntakeRefusal.INVALID_FEE_QUANTITY, IntakeRefusal.RECEIVING_AGENCY_REQUIRED, IntakeRefusal.AGENCY_NOT_OFFERING,
      IntakeRefusal.CASE_REQUIRED, IntakeRefusal.UNKNOWN_CASE, IntakeRefusal.ASSURANCE_TOO_LOW,
      org.motcua.eform.FormRefusal.NO_FORM, org.motcua.eform.FormRefusal.FORM_INVALID,
      org.motcua.eform.FormRefusal.FORM_CASE_MISMATCH, org.motcua.eform.FormRefusal.FORM_TOO_LARGE);

  private final Intake intake;
  private final DossierDocuments documents;
  private final Declarations declarations;
  private final Clock clock;

  ReceiveOnline(Intake intake, DossierDocuments documents, Declarations declarations, Clock clock) {
    this.intake = intake;
    this.documents = documents;
    this.declarations = declarations;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return REFUSALS;
  }

  @Transactional
  public Dossier submit(MotcuaUser citizen, DossierRequests.SubmitDossier request) {
    return submit(citizen, request, List.of());
  }

  /**
   * The submission together with its component files. One transaction: when a file is refused (unknown component,
   * type, size, warehouse item), no dossier is stored either, and the refusal names the component.
   */
  @Transactional
  public Dossier submit(MotcuaUser citizen, DossierRequests.SubmitDossier request, List<Attachment> files) {
    SignInMethod signIn = CurrentUser.signInMethod();
    if (!signIn.maySubmitOnline()) {
      throw IntakeRefusal.ASSURANCE_TOO_LOW.exception(
          signIn.assuranceLevel() == null ? 0 : signIn.assuranceLevel(), signIn.minimumAssurance());
    }
    Procedure procedure = intake.procedure(request.procedureCode());
    if (!procedure.onlineLevel().offeredOnline()) {
      throw IntakeRefusal.PROCEDURE_NOT_ONLINE.exception(procedure.code());
    }
    String agency = intake.receivingAgency(procedure, request.agencyCode());
    String caseCode = request.caseCode();
    // "form": null is no form: the declaration comes as a file.
    com.fasterxml.jackson.databind.JsonNode data = request.form() == null || request.form().isNull() ? null
        : request.form();
    if (data != null && (caseCode == null || caseCode.isBlank())) {
      // The declaration's data selects the case where the law does (a birth registered late); else as without it.
      caseCode = declarations.selectedCase(procedure, data).orElse(null);
    }
    Procedure.Case kase = intake.chosenCase(procedure, caseCode);
    // The e-form is checked before anything is stored: a refusal names each field at fault.
    org.motcua.eform.FormDefinition form = data == null ? null : declarations.check(procedure, kase, data);
    if (!kase.onlineLevel().offeredOnline()) {
      // A case of its own online level (e.g. one that needs the applicant in person) is not submitted online either.
      throw IntakeRefusal.PROCEDURE_NOT_ONLINE.exception(procedure.code());
    }
    FeeSchedule.Quote fee = intake.fee(procedure, kase, request.feeQuantities());
    LocalDateTime now = LocalDateTime.now(clock);
    Applicant applicant = intake.applicant(request.applicant(), now);
    Dossier submitted = Dossier.submitOnline(intake.nextCode(agency, now), procedure, kase, fee, agency,
        intake.agencyPath(agency), applicant, citizen, now, Actor.of(citizen));
    submitted.submittedAfter(signIn);
    if (form != null) {
      submitted.fillForm(form.key(), data);
    }
    Dossier dossier = intake.start(submitted, kase, Channel.ONLINE);
    if (!files.isEmpty()) {
      documents.attachToNew(citizen, dossier, files);
    }
    if (form != null) {
      // After the files: its recount reads every file of the dossier, theirs included.
      declarations.attachToNew(citizen, dossier, form);
    }
    return dossier;
  }
}
