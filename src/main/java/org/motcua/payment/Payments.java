package org.motcua.payment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.motcua.common.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges of dossiers and how they are settled. A gateway callback is believed only after its signature is checked,
 * and it settles an open charge of the same amount exactly once; everything else is logged and flagged.
 */
@Service
public class Payments {

  private final ChargeRepository charges;
  private final PaymentAttemptRepository attempts;
  private final VnpayGateway vnpay;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Payments(ChargeRepository charges, PaymentAttemptRepository attempts, VnpayGateway vnpay, Clock clock,
      ApplicationEventPublisher events) {
    this.charges = charges;
    this.attempts = attempts;
    this.vnpay = vnpay;
    this.clock = clock;
    this.events = events;
  }

  /** Opens the dossier's charge (yêu cầu thực hiện nghĩa vụ tài chính). */
  @Transactional
  public Charge open(String dossierCode, long amountVnd) {
    // The gateway reference must be unique across nodes and never reused: a random one.
    String txnRef = java.util.UUID.randomUUID().toString().replace("-", "");
    return charges.save(new Charge(dossierCode, amountVnd, txnRef, LocalDateTime.now(clock)));
  }

  @Transactional(readOnly = true)
  public List<Charge> of(String dossierCode) {
    return charges.findByDossierCodeOrderByIdAsc(dossierCode);
  }

  /** The URL of the gateway's payment page for the dossier's open charge. */
  @Transactional(readOnly = true)
  public String onlinePaymentUrl(String dossierCode, String clientIp) {
    Charge charge = openCharge(dossierCode);
    return vnpay.paymentUrl(charge, clientIp, LocalDateTime.now(clock));
  }

  /** Thu tại quầy: cash or card terminal, with the receipt number the clerk issued. */
  @Transactional
  public Charge payAtCounter(String dossierCode, Charge.Method method, String receiptNumber, String clerk) {
    if (method != Charge.Method.CASH && method != Charge.Method.POS) {
      throw ApiException.badRequest("INVALID_PAYMENT_METHOD", method);
    }
    return settle(openCharge(dossierCode), Charge.Status.PAID, method, clerk, null, receiptNumber, null, null);
  }

  /** Miễn phí, lệ phí: an exemption with its reason code (poor household, person with disabilities, …). */
  @Transactional
  public Charge exempt(String dossierCode, String reasonCode, String note, String clerk) {
    return settle(openCharge(dossierCode), Charge.Status.EXEMPT, Charge.Method.EXEMPTION, clerk, null, null,
        reasonCode, note);
  }

  /** The dossier stopped: an open charge can no longer be paid; a late callback for it will be flagged. */
  @Transactional
  public void cancelOpenCharges(String dossierCode) {
    charges.cancelOpen(dossierCode, LocalDateTime.now(clock));
  }

  private Charge openCharge(String dossierCode) {
    return charges.findFirstByDossierCodeAndStatus(dossierCode, Charge.Status.OPEN)
        .orElseThrow(() -> ApiException.conflict("NO_OPEN_CHARGE", dossierCode));
  }

  private Charge settle(Charge charge, Charge.Status status, Charge.Method method, String by, String gatewayTxnNo,
      String receipt, String exemption, String note) {
    String receiptNumber = receipt == null && status == Charge.Status.PAID ? "BL-" + charge.getTxnRef() : receipt;
    int updated = charges.settle(charge.getId(), status, method, LocalDateTime.now(clock), by, gatewayTxnNo,
        receiptNumber, exemption, note);
    if (updated == 0) {
      throw ApiException.conflict("CHARGE_ALREADY_SETTLED", charge.getDossierCode());
    }
    events.publishEvent(new ChargeSettled(charge.getDossierCode(), method, charge.getAmountVnd(), receiptNumber, by));
    return charges.findById(charge.getId()).orElseThrow();
  }

  /** The answer VNPAY expects to an IPN: {@code {"RspCode": "00", "Message": "Confirm Success"}} and its kin. */
  public record IpnAnswer(String RspCode, String Message) {
  }

  /**
   * Handles a VNPAY IPN. Runs in its own transaction so that the attempt is logged even when nothing else changes.
   * Order: signature, transaction, amount and currency, state; only then is the charge settled, once.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public IpnAnswer handleVnpayIpn(Map<String, String> params) {
    String raw = new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    LocalDateTime now = LocalDateTime.now(clock);
    if (!vnpay.verify(params)) {
      log(now, null, null, PaymentAttempt.Verdict.INVALID_SIGNATURE, true, raw);
      return new IpnAnswer("97", "Invalid Checksum");
    }
    VnpayGateway.Notice notice = vnpay.read(params);
    Charge charge = notice.txnRef() == null ? null : charges.lockByTxnRef(notice.txnRef()).orElse(null);
    if (charge == null) {
      log(now, notice.txnRef(), notice.amountVnd(), PaymentAttempt.Verdict.UNKNOWN_TRANSACTION, true, raw);
      return new IpnAnswer("01", "Order not found");
    }
    if (notice.amountVnd() == null || notice.amountVnd() != charge.getAmountVnd()
        || !"VND".equals(notice.currency())) {
      log(now, notice.txnRef(), notice.amountVnd(), PaymentAttempt.Verdict.AMOUNT_MISMATCH, true, raw);
      return new IpnAnswer("04", "Invalid amount");
    }
    if (charge.getStatus() == Charge.Status.PAID && charge.getMethod() == Charge.Method.ONLINE) {
      log(now, notice.txnRef(), notice.amountVnd(), PaymentAttempt.Verdict.DUPLICATE, false, raw);
      return new IpnAnswer("02", "Order already confirmed");
    }
    if (charge.getStatus() != Charge.Status.OPEN) {
      // Paid at the counter, exempted, or the dossier stopped: money arrived that nothing expects.
      log(now, notice.txnRef(), notice.amountVnd(), PaymentAttempt.Verdict.NOT_OPEN, true, raw);
      return new IpnAnswer("02", "Order already confirmed");
    }
    if (!notice.success()) {
      log(now, notice.txnRef(), notice.amountVnd(), PaymentAttempt.Verdict.FAILED_AT_GATEWAY, false, raw);
      return new IpnAnswer("00", "Confirm Success");
    }
    int updated = charges.settle(charge.getId(), Charge.Status.PAID, Charge.Method.ONLINE, now, VnpayGateway.NAME,
        notice.transactionNo(), "BL-" + charge.getTxnRef(), null, null);
    if (updated == 0) {
      // A concurrent duplicate won the race; this one changes nothing.
      log(now, notice.txnRef(), notice.amountVnd(), PaymentAttempt.Verdict.DUPLICATE, false, raw);
      return new IpnAnswer("02", "Order already confirmed");
    }
    log(now, notice.txnRef(), notice.amountVnd(), PaymentAttempt.Verdict.CONFIRMED, false, raw);
    events.publishEvent(new ChargeSettled(charge.getDossierCode(), Charge.Method.ONLINE, charge.getAmountVnd(),
        "BL-" + charge.getTxnRef(), VnpayGateway.NAME));
    return new IpnAnswer("00", "Confirm Success");
  }

  private void log(LocalDateTime at, String txnRef, Long amount, PaymentAttempt.Verdict verdict, boolean flagged,
      String raw) {
    attempts.save(new PaymentAttempt(at, VnpayGateway.NAME, txnRef, amount, verdict, flagged, raw));
  }

  public boolean isGenuineVnpay(Map<String, String> params) {
    return vnpay.verify(params);
  }

  @Transactional(readOnly = true)
  public List<PaymentAttempt> attemptsOf(String txnRef) {
    return attempts.findByTxnRefOrderByIdAsc(txnRef);
  }

  @Transactional(readOnly = true)
  public long attemptCount() {
    return attempts.count();
  }
}
