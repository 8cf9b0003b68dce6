package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.motcua.payment.Charge;
import org.motcua.payment.ChargeSettled;
import org.motcua.payment.Payments;
import org.motcua.process.DossierProcess;
import org.motcua.process.ProcessContract.Messages;
import org.motcua.security.MotcuaUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dossier's financial obligation (nghĩa vụ tài chính): who may pay or exempt it, and what happens when it is
 * settled — in the same transaction, the dossier moves on and its process leaves the payment wait.
 */
@Service
public class DossierPayments implements UseCase {

  /** Besides the refusals of the payment feature itself (the gateway, the charge). */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(AccessRefusal.UNKNOWN_DOSSIER, AccessRefusal.DOSSIER_ACCESS_DENIED,
        DossierRefusal.Reason.NO_OPEN_CHARGE, IntakeRefusal.UNKNOWN_EXEMPTION);
  }

  private final DossierLookup dossiers;
  private final Payments payments;
  private final DossierProcess process;
  private final Clock clock;
  private final org.motcua.catalog.Catalog catalog;

  DossierPayments(DossierLookup dossiers, Payments payments, DossierProcess process, Clock clock,
      org.motcua.catalog.Catalog catalog) {
    this.catalog = catalog;
    this.dossiers = dossiers;
    this.payments = payments;
    this.process = process;
    this.clock = clock;
  }

  /** The applicant starts paying online: the URL of the gateway's payment page. */
  @Transactional(readOnly = true)
  public String payOnline(MotcuaUser citizen, String code, String clientIp) {
    // Access before state: a stranger learns nothing of the dossier's payment state (404 as for an unknown code).
    Dossier dossier = dossiers.find(code);
    DossierAccess.checkOwner(citizen, dossier);
    waitingForPayment(dossier);
    return payments.onlinePaymentUrl(code, clientIp);
  }

  /** Thu phí tại quầy, with the receipt number the clerk issued. */
  @Transactional
  public Charge payAtCounter(MotcuaUser clerk, String code, Charge.Method method, String receiptNumber) {
    Dossier dossier = dossiers.find(code);
    DossierAccess.checkClerk(clerk, dossier);
    waitingForPayment(dossier);
    return payments.payAtCounter(code, method, receiptNumber, clerk.username());
  }

  /** Miễn phí, lệ phí, with the exemption's reason code. */
  @Transactional
  public Charge exempt(MotcuaUser clerk, String code, String reasonCode, String note) {
    Dossier dossier = dossiers.find(code);
    DossierAccess.checkClerk(clerk, dossier);
    waitingForPayment(dossier);
    // Only the grounds the catalog lists for this procedure (the version the dossier is bound to) waive its fee.
    if (catalog.version(dossier.getProcedureCode(), dossier.getProcedureValidFrom())
        .filter(p -> p.exempts(reasonCode)).isEmpty()) {
      throw IntakeRefusal.UNKNOWN_EXEMPTION.exception(reasonCode, dossier.getProcedureCode());
    }
    return payments.exempt(code, reasonCode, note, clerk.username());
  }

  /**
   * A fee due at submission, settled at the counter as the clerk enters the dossier (which waits for it in status 6):
   * paid with a receipt number, or waived on one of the procedure's grounds.
   */
  @Transactional
  public Charge settleAtIntake(MotcuaUser clerk, Dossier dossier, DossierRequests.FeeAtCounter fee) {
    if (!dossier.isFeeDueAtSubmission()) {
      throw IntakeRefusal.NO_FEE_DUE_AT_SUBMISSION.exception(dossier.getProcedureCode());
    }
    if (fee.exemptionCode() != null && !fee.exemptionCode().isBlank()) {
      return exempt(clerk, dossier.getCode(), fee.exemptionCode().trim(), fee.note());
    }
    if (fee.method() == null || fee.receiptNumber() == null || fee.receiptNumber().isBlank()) {
      throw IntakeRefusal.COUNTER_PAYMENT_INCOMPLETE.exception();
    }
    return payAtCounter(clerk, dossier.getCode(), fee.method(), fee.receiptNumber().trim());
  }

  @Transactional(readOnly = true)
  public List<Charge> charges(MotcuaUser user, String code) {
    DossierAccess.checkRead(user, dossiers.find(code));
    return payments.of(code);
  }

  /** Settled online (IPN), at the counter, or exempted: record it and let the process return the result. */
  @EventListener
  void on(ChargeSettled settled) {
    Dossier dossier = dossiers.find(settled.dossierCode());
    if (!dossier.awaitsPayment()) {
      throw new IllegalStateException("Charge settled for " + settled.dossierCode() + " in status "
          + dossier.getStatus());
    }
    boolean online = settled.method() == Charge.Method.ONLINE;
    // Online, the gateway's callback settles the charge; otherwise the clerk who took or waived it.
    Actor actor = online ? Actor.gateway(settled.settledBy()) : Actor.current();
    dossier.paymentSettled(LocalDateTime.now(clock), actor, online,
        settled.method() + " " + settled.amountVnd() + " VND"
            + (settled.receiptNumber() == null ? "" : ", biên lai " + settled.receiptNumber()));
    dossiers.save(dossier);
    process.correlate(Messages.PAYMENT_SETTLED, dossier.getCode(), Map.of());
  }

  /** Asked only once the caller is known to be allowed: the state is theirs to learn. */
  private static Dossier waitingForPayment(Dossier dossier) {
    dossier.paymentRefusal().ifPresent(DossierRefusal::raise);
    return dossier;
  }
}
