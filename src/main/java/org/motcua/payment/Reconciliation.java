package org.motcua.payment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily reconciliation (đối soát) of gateway callbacks against charges: what matched, what arrived for nothing
 * motcua expects, and what arrived with the wrong amount. Every callback of the day is a line.
 */
@Service
public class Reconciliation {

  private final PaymentAttemptRepository attempts;
  private final ChargeRepository charges;

  Reconciliation(PaymentAttemptRepository attempts, ChargeRepository charges) {
    this.attempts = attempts;
    this.charges = charges;
  }

  public record Line(LocalDateTime receivedAt, String gateway, String txnRef, Long amountVnd, String verdict,
      boolean flagged, String dossierCode, Long chargeAmountVnd, String chargeStatus) {
  }

  public record Report(LocalDate date, long callbacks, long matched, long unmatched, long mismatchedAmount,
      long invalidSignature, long duplicates, long failedAtGateway, Map<PaymentAttempt.Verdict, Long> byVerdict,
      List<Line> lines) {
  }

  /**
   * @param dossierVisible which dossiers the reader may see (a supervisor's subtree); lines of unknown transactions
   *                       are shown only when {@code includeUnknown}
   */
  @Transactional(readOnly = true)
  public Report of(LocalDate date, Predicate<String> dossierVisible, boolean includeUnknown) {
    List<Line> lines = attempts.findByReceivedAtGreaterThanEqualAndReceivedAtLessThanOrderByIdAsc(
            date.atStartOfDay(), date.plusDays(1).atStartOfDay()).stream()
        .map(this::line)
        .filter(l -> l.dossierCode() == null ? includeUnknown : dossierVisible.test(l.dossierCode()))
        .toList();
    Map<PaymentAttempt.Verdict, Long> byVerdict = new EnumMap<>(PaymentAttempt.Verdict.class);
    for (PaymentAttempt.Verdict v : PaymentAttempt.Verdict.values()) {
      byVerdict.put(v, 0L);
    }
    byVerdict.putAll(lines.stream().collect(Collectors.groupingBy(l -> PaymentAttempt.Verdict.valueOf(l.verdict()),
        () -> new EnumMap<>(PaymentAttempt.Verdict.class), Collectors.counting())));
    return new Report(date, lines.size(),
        byVerdict.get(PaymentAttempt.Verdict.CONFIRMED),
        byVerdict.get(PaymentAttempt.Verdict.UNKNOWN_TRANSACTION) + byVerdict.get(PaymentAttempt.Verdict.NOT_OPEN),
        byVerdict.get(PaymentAttempt.Verdict.AMOUNT_MISMATCH),
        byVerdict.get(PaymentAttempt.Verdict.INVALID_SIGNATURE),
        byVerdict.get(PaymentAttempt.Verdict.DUPLICATE),
        byVerdict.get(PaymentAttempt.Verdict.FAILED_AT_GATEWAY),
        byVerdict, lines);
  }

  private Line line(PaymentAttempt a) {
    // A forged callback names a transaction it cannot prove: it is never joined to a charge.
    Charge charge = a.getTxnRef() == null || a.getVerdict() == PaymentAttempt.Verdict.INVALID_SIGNATURE ? null
        : charges.findByTxnRef(a.getTxnRef()).orElse(null);
    return new Line(a.getReceivedAt(), a.getGateway(), a.getTxnRef(), a.getAmountVnd(), a.getVerdict().name(),
        a.isFlagged(), charge == null ? null : charge.getDossierCode(),
        charge == null ? null : charge.getAmountVnd(), charge == null ? null : charge.getStatus().name());
  }
}
