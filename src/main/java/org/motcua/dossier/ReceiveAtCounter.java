package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.motcua.catalog.FeeSchedule;
import org.motcua.catalog.Procedure;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.motcua.security.UserAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tiếp nhận trực tiếp / qua bưu chính: a one-stop clerk enters a paper dossier that came to the counter or by post.
 * Reception happens at once (after the fee, when it is due at submission: taken in the same step, or later while the
 * dossier waits in status 6), and the clerk digitizes its components, in the same step or afterwards. If the
 * applicant has an account (same CCCD or tax code), they can follow the dossier online.
 */
@Service
public class ReceiveAtCounter implements UseCase {

  private static final Set<Refusal> REFUSALS = Set.of(IntakeRefusal.UNKNOWN_PROCEDURE,
      IntakeRefusal.PROCEDURE_NOT_OF_YOUR_AGENCY, IntakeRefusal.INVALID_CHANNEL,
      IntakeRefusal.COUNTER_CHANNEL_REQUIRED, IntakeRefusal.POSTAL_TRACKING_REQUIRED, IntakeRefusal.INVALID_ID_NUMBER,
      IntakeRefusal.UNKNOWN_FEE_QUANTITY, IntakeRefusal.INVALID_FEE_QUANTITY, IntakeRefusal.NO_FEE_DUE_AT_SUBMISSION,
      IntakeRefusal.COUNTER_PAYMENT_INCOMPLETE, IntakeRefusal.UNKNOWN_EXEMPTION, IntakeRefusal.AGENCY_NOT_YOURS,
      IntakeRefusal.CASE_REQUIRED, IntakeRefusal.UNKNOWN_CASE);

  private final Intake intake;
  private final DossierPayments payments;
  private final DossierDocuments documents;
  private final DossierLookup lookup;
  private final UserAccounts accounts;
  private final Clock clock;

  ReceiveAtCounter(Intake intake, DossierPayments payments, DossierDocuments documents, DossierLookup lookup,
      UserAccounts accounts, Clock clock) {
    this.intake = intake;
    this.payments = payments;
    this.documents = documents;
    this.lookup = lookup;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return REFUSALS;
  }

  @Transactional
  public Dossier receive(MotcuaUser clerk, DossierRequests.EnterDossier request) {
    return receive(clerk, request, List.of());
  }

  /** One transaction: a refused payment or file leaves no dossier behind. */
  @Transactional
  public Dossier receive(MotcuaUser clerk, DossierRequests.EnterDossier request, List<Attachment> scans) {
    Dossier dossier = enter(clerk, request);
    if (request.fee() != null) {
      payments.settleAtIntake(clerk, dossier, request.fee());
      // Settling clears the persistence context (a bulk update): read the dossier as the process left it.
      dossier = lookup.shown(lookup.find(dossier.getCode()));
    }
    if (!scans.isEmpty()) {
      documents.attachToNew(clerk, dossier, scans);
    }
    return dossier;
  }

  private Dossier enter(MotcuaUser clerk, DossierRequests.EnterDossier request) {
    Procedure procedure = intake.procedure(request.procedureCode());
    // The clerk receives for their own agency, which must be one of the procedure's offerings.
    String requested = blankToNull(request.agencyCode());
    if (clerk.is(Role.CLERK) && requested != null && !requested.equals(clerk.agencyCode())) {
      throw IntakeRefusal.AGENCY_NOT_YOURS.exception(requested);
    }
    if (!clerk.is(Role.CLERK) || !procedure.isOfferedBy(clerk.agencyCode())) {
      throw IntakeRefusal.PROCEDURE_NOT_OF_YOUR_AGENCY.exception(procedure.code());
    }
    String agency = clerk.agencyCode();
    Channel channel = channel(request.channel());
    if (channel == Channel.ONLINE) {
      throw IntakeRefusal.COUNTER_CHANNEL_REQUIRED.exception();
    }
    String tracking = blankToNull(request.postalTrackingNumber());
    if (channel == Channel.POSTAL && tracking == null) {
      throw IntakeRefusal.POSTAL_TRACKING_REQUIRED.exception();
    }
    Channel delivery = request.resultDelivery() == null ? Channel.COUNTER : channel(request.resultDelivery());
    Procedure.Case kase = intake.chosenCase(procedure, request.caseCode());
    FeeSchedule.Quote fee = intake.fee(procedure, kase, request.feeQuantities());
    LocalDateTime now = LocalDateTime.now(clock);
    Applicant applicant = intake.applicant(request.applicant(), now);
    String owner = accounts.citizenWithIdNumber(applicant.getIdNumber()).map(MotcuaUser::username).orElse(null);
    return intake.start(Dossier.enterAtCounter(intake.nextCode(agency, now), procedure, kase, fee, agency,
        intake.agencyPath(agency), applicant, owner, channel, delivery, tracking, now, Actor.of(clerk)),
        kase, channel);
  }

  private static Channel channel(int code) {
    return Arrays.stream(Channel.values()).filter(c -> c.code() == code).findFirst()
        .orElseThrow(() -> IntakeRefusal.INVALID_CHANNEL.exception(code));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
