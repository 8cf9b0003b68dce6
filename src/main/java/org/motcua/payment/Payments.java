package org.motcua.payment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges of dossiers and how they are settled. A gateway callback is believed only after its signature is checked,
 * and it settles an open charge of the same amount exactly once; everything else is logged and flagged.
 */
@Service
public class Payments implements UseCase {

  /** The longest summary of an unsigned callback that is stored. */
  private static final int SUMMARY_CHARS = 500;

  private final ChargeRepository charges;
  private final PaymentAttemptRepository attempts;
  private final Map<String, PaymentGateway> gateways;
  private final PaymentGateway onlineGateway;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final InvalidIpnLimit invalidIpns;
  private final org.springframework.transaction.support.TransactionTemplate signedCallback;

  Payments(ChargeRepository charges, PaymentAttemptRepository attempts, List<PaymentGateway> gateways,
      @Value("${motcua.payment.gateway:VNPAY}") String onlineGateway, Clock clock,
      ApplicationEventPublisher events, InvalidIpnLimit invalidIpns,
      org.springframework.transaction.PlatformTransactionManager transactions) {
    this.invalidIpns = invalidIpns;
    this.signedCallback = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.signedCallback.setPropagationBehavior(
        org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.charges = charges;
    this.attempts = attempts;
    this.gateways = gateways.stream().collect(Collectors.toMap(g -> g.name().toLowerCase(Locale.ROOT), g -> g));
    this.onlineGateway = gateway(onlineGateway)
        .orElseThrow(() -> new IllegalStateException("motcua.payment.gateway: no gateway named " + onlineGateway));
    this.clock = clock;
    this.events = events;
  }

  /** Paying a dossier's open charge online, at the counter or by exemption (callbacks answer in their protocol). */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(PaymentRefusal.INVALID_PAYMENT_METHOD, PaymentRefusal.NO_OPEN_CHARGE,
        PaymentRefusal.CHARGE_ALREADY_SETTLED);
  }

  /** The gateway of that name (case-insensitive), if the service has one. */
  Optional<PaymentGateway> gateway(String name) {
    return Optional.ofNullable(gateways.get(name.toLowerCase(Locale.ROOT)));
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

  /** The URL of the configured gateway's payment page for the dossier's open charge. */
  @Transactional(readOnly = true)
  public String onlinePaymentUrl(String dossierCode, String clientIp) {
    Charge charge = openCharge(dossierCode);
    return onlineGateway.paymentUrl(charge, clientIp, LocalDateTime.now(clock));
  }

  /** Thu tại quầy: cash or card terminal, with the receipt number the clerk issued. */
  @Transactional
  public Charge payAtCounter(String dossierCode, Charge.Method method, String receiptNumber, String clerk) {
    if (method != Charge.Method.CASH && method != Charge.Method.POS) {
      throw PaymentRefusal.INVALID_PAYMENT_METHOD.exception(method);
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
        .orElseThrow(() -> PaymentRefusal.NO_OPEN_CHARGE.exception(dossierCode));
  }

  private Charge settle(Charge charge, Charge.Status status, Charge.Method method, String by, String gatewayTxnNo,
      String receipt, String exemption, String note) {
    String receiptNumber = receipt == null && status == Charge.Status.PAID ? "BL-" + charge.getTxnRef() : receipt;
    int updated = charges.settle(charge.getId(), status, method, LocalDateTime.now(clock), by, gatewayTxnNo,
        receiptNumber, exemption, note);
    if (updated == 0) {
      throw PaymentRefusal.CHARGE_ALREADY_SETTLED.exception(charge.getDossierCode());
    }
    events.publishEvent(new ChargeSettled(charge.getDossierCode(), method, charge.getAmountVnd(), receiptNumber, by));
    return charges.findById(charge.getId()).orElseThrow();
  }

  /**
   * Handles a gateway's server-to-server callback (IPN) and returns the answer its protocol expects.
   *
   * <p>A callback without a valid signature can come from anyone: it is logged as a bounded summary, and only
   * {@code motcua.payment.invalid-ipn.max-per-address} of them per client address and window; beyond that it is
   * answered as a bad signature with HTTP 429 and logged nowhere. This runs outside any transaction, so a flood of
   * them never holds two connections per request.
   *
   * <p>A signed callback runs in a transaction of its own, so that the attempt is logged even when nothing else
   * changes. Order: transaction, amount and currency, state; only then is the charge settled, once.
   */
  public IpnReply handleCallback(PaymentGateway gateway, Map<String, String> params, String clientAddress) {
    if (!gateway.verify(params)) {
      java.util.OptionalLong refused = invalidIpns.take(clientAddress);
      if (refused.isPresent()) {
        return new IpnReply(gateway.answer(PaymentAttempt.Verdict.INVALID_SIGNATURE), refused.getAsLong());
      }
      attempts.save(new PaymentAttempt(LocalDateTime.now(clock), gateway.name(), null, null,
          PaymentAttempt.Verdict.INVALID_SIGNATURE, true, summary(gateway, params)));
      return new IpnReply(gateway.answer(PaymentAttempt.Verdict.INVALID_SIGNATURE), 0);
    }
    return signedCallback.execute(status -> handleSigned(gateway, params));
  }

  private IpnReply handleSigned(PaymentGateway gateway, Map<String, String> params) {
    // Signed by the gateway: kept as sent (up to the column's 4,000 characters), the reconciliation's evidence.
    String raw = new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("&"));
    Callback callback = new Callback(gateway, LocalDateTime.now(clock), raw);
    PaymentGateway.Notice notice = gateway.read(params);
    String txnRef = notice.txnRef();
    Charge charge = txnRef == null ? null : charges.lockByTxnRef(txnRef).orElse(null);
    if (charge == null) {
      return callback.answer(txnRef, notice.amountVnd(), PaymentAttempt.Verdict.UNKNOWN_TRANSACTION, true);
    }
    if (notice.amountVnd() == null || notice.amountVnd() != charge.getAmountVnd()
        || !"VND".equals(notice.currency())) {
      return callback.answer(txnRef, notice.amountVnd(), PaymentAttempt.Verdict.AMOUNT_MISMATCH, true);
    }
    if (charge.getStatus() == Charge.Status.PAID && charge.getMethod() == Charge.Method.ONLINE) {
      return callback.answer(txnRef, notice.amountVnd(), PaymentAttempt.Verdict.DUPLICATE, false);
    }
    if (charge.getStatus() != Charge.Status.OPEN) {
      // Paid at the counter, exempted, or the dossier stopped: money arrived that nothing expects.
      return callback.answer(txnRef, notice.amountVnd(), PaymentAttempt.Verdict.NOT_OPEN, true);
    }
    if (!notice.success()) {
      return callback.answer(txnRef, notice.amountVnd(), PaymentAttempt.Verdict.FAILED_AT_GATEWAY, false);
    }
    String receipt = "BL-" + charge.getTxnRef();
    int updated = charges.settle(charge.getId(), Charge.Status.PAID, Charge.Method.ONLINE, callback.at(),
        gateway.name(), notice.transactionNo(), receipt, null, null);
    if (updated == 0) {
      // A concurrent duplicate won the race; this one changes nothing.
      return callback.answer(txnRef, notice.amountVnd(), PaymentAttempt.Verdict.DUPLICATE, false);
    }
    IpnReply answer = callback.answer(txnRef, notice.amountVnd(), PaymentAttempt.Verdict.CONFIRMED, false);
    events.publishEvent(new ChargeSettled(charge.getDossierCode(), Charge.Method.ONLINE, charge.getAmountVnd(),
        receipt, gateway.name()));
    return answer;
  }

  /** One callback being judged: every verdict is logged with the raw parameters, then answered in the protocol. */
  private final class Callback {

    private final PaymentGateway gateway;
    private final LocalDateTime at;
    private final String raw;

    Callback(PaymentGateway gateway, LocalDateTime at, String raw) {
      this.gateway = gateway;
      this.at = at;
      this.raw = raw;
    }

    LocalDateTime at() {
      return at;
    }

    IpnReply answer(String txnRef, Long amount, PaymentAttempt.Verdict verdict, boolean flagged) {
      attempts.save(new PaymentAttempt(at, gateway.name(), txnRef, amount, verdict, flagged, raw));
      return new IpnReply(gateway.answer(verdict), 0);
    }
  }

  /**
   * What a callback is answered: the body the gateway's protocol expects, and, when the caller sent too many
   * unsigned callbacks, the seconds it must wait (answered with HTTP 429 and {@code Retry-After}).
   */
  public record IpnReply(Object body, long retryAfterSeconds) {

    public boolean refused() {
      return retryAfterSeconds > 0;
    }
  }

  /**
   * An unsigned callback's parameters as a bounded summary: the gateway's identifying fields first, then the others
   * in name order, each name and value cut short, the whole at most {@value #SUMMARY_CHARS} characters and ending
   * with how many parameters and characters were sent.
   */
  static String summary(PaymentGateway gateway, Map<String, String> params) {
    java.util.LinkedHashMap<String, String> ordered = new java.util.LinkedHashMap<>();
    gateway.evidenceFields().stream().filter(params::containsKey).forEach(k -> ordered.put(k, params.get(k)));
    new TreeMap<>(params).forEach(ordered::putIfAbsent);
    long sentChars = params.entrySet().stream()
        .mapToLong(e -> e.getKey().length() + 1L + (e.getValue() == null ? 0 : e.getValue().length())).sum();
    String tail = " [" + params.size() + " params, " + sentChars + " chars]";
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : ordered.entrySet()) {
      String pair = cut(e.getKey(), 40) + "=" + cut(e.getValue() == null ? "" : e.getValue(), 80);
      if (out.length() + pair.length() + 1 + tail.length() > SUMMARY_CHARS) {
        out.append(out.length() == 0 ? "" : "&").append("…");
        break;
      }
      out.append(out.length() == 0 ? "" : "&").append(pair);
    }
    return out.append(tail).toString();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** The dossier a gateway transaction reference was opened for. */
  @Transactional(readOnly = true)
  public Optional<String> dossierOf(String txnRef) {
    return txnRef == null ? Optional.empty() : charges.findByTxnRef(txnRef).map(Charge::getDossierCode);
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
