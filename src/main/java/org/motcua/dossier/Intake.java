package org.motcua.dossier;

import java.time.LocalDateTime;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.Procedure;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract.Variables;
import org.springframework.stereotype.Component;

/**
 * The steps every reception shares, online or at the counter: the procedure and its fee, the applicant's identity,
 * the dossier's code, and the start of its process.
 */
@Component
class Intake {

  private final Catalog catalog;
  private final DossierCodes codes;
  private final DossierLookup lookup;
  private final DossierProcess process;

  Intake(Catalog catalog, DossierCodes codes, DossierLookup lookup, DossierProcess process) {
    this.catalog = catalog;
    this.codes = codes;
    this.lookup = lookup;
    this.process = process;
  }

  Procedure procedure(String code) {
    return catalog.procedure(code).orElseThrow(() -> IntakeRefusal.UNKNOWN_PROCEDURE.exception(code));
  }

  /**
   * The case the applicant (or clerk) chose: the one named, which the version in force must have; none named, the
   * procedure's only or default case (one with several cases and no default needs the choice).
   */
  Procedure.Case chosenCase(Procedure procedure, String requested) {
    if (requested == null || requested.isBlank()) {
      return procedure.defaultCase().orElseThrow(() -> IntakeRefusal.CASE_REQUIRED.exception(procedure.code()));
    }
    return procedure.caseOf(requested.trim())
        .orElseThrow(() -> IntakeRefusal.UNKNOWN_CASE.exception(requested.trim(), procedure.code()));
  }

  /** The fee for the quantities the applicant declared (pages, copies…), by the case's schedule. */
  FeeSchedule.Quote fee(Procedure procedure, Procedure.Case kase, Map<String, Integer> declared) {
    try {
      return kase.fee().quote(declared == null ? Map.of() : declared);
    } catch (FeeSchedule.QuantityException ex) {
      throw IntakeRefusal.ofFeeReason(ex.reason()).exception(ex.quantity(), procedure.code());
    }
  }

  Applicant applicant(DossierRequests.ApplicantInput input, LocalDateTime now) {
    String idNumber = input.idNumber().trim();
    if (!IdentityNumbers.isValid(idNumber, Year.from(now))) {
      throw IntakeRefusal.INVALID_ID_NUMBER.exception(idNumber);
    }
    return new Applicant(input.name().trim(), idNumber, input.phone(), input.email(), input.address());
  }

  /**
   * The agency that receives the dossier: the one asked for, which must offer the procedure; none asked for, the
   * procedure's only offering agency (one with several needs the choice).
   */
  String receivingAgency(Procedure procedure, String requested) {
    if (requested == null || requested.isBlank()) {
      if (procedure.offerings().size() == 1) {
        return procedure.offerings().get(0).agencyCode();
      }
      throw IntakeRefusal.RECEIVING_AGENCY_REQUIRED.exception(procedure.code());
    }
    String agency = requested.trim();
    if (!procedure.isOfferedBy(agency)) {
      throw IntakeRefusal.AGENCY_NOT_OFFERING.exception(agency, procedure.code());
    }
    return agency;
  }

  /** The process variables that carry the case's step budgets (also set again when the clerk changes the case). */
  static Map<String, Object> budgets(Procedure.Case kase) {
    Map<String, Object> variables = new HashMap<>();
    kase.steps().forEach(step -> variables.put(Variables.budget(step.task()),
        Variables.workingHours(step.workingHours())));
    return variables;
  }

  /** The next dossier code of the receiving agency (mã hồ sơ), and the agency's path for the reports. */
  String nextCode(String agencyCode, LocalDateTime now) {
    return codes.next(agencyCode, now.toLocalDate());
  }

  String agencyPath(String agencyCode) {
    return catalog.path(agencyCode);
  }

  /**
   * Stores the new dossier (recording its creation for the counters) and starts its process with the dossier's
   * receiving agency, whose officers alone are its tasks' candidates.
   */
  Dossier start(Dossier created, Procedure.Case kase, Channel channel) {
    Dossier dossier = lookup.save(created);
    // Only what the model reads: each engine variable is a row written, read at every step and deleted at the end.
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.AGENCY_CODE, dossier.getAgencyCode());
    variables.put(Variables.CHANNEL, channel.code());
    // A fee due at submission is asked for before reception; one due before the result, after processing finished.
    variables.put(Variables.PAYMENT_AT_SUBMISSION, dossier.isFeeDueAtSubmission());
    // Each step's budget becomes its task's due date through the working-time business calendar: the case's budgets
    // of the version in force now, kept by the process whatever the catalogue says later.
    variables.putAll(budgets(kase));
    dossier.attachProcess(process.start(kase.processKey(), dossier.getCode(), variables));
    return lookup.shown(dossier);
  }
}
