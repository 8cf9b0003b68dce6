package org.motcua.payment;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * A payment provider's protocol: where the citizen's browser goes to pay a charge, and how the provider's
 * server-to-server callback is authenticated, read and answered. {@link Payments} decides what a callback does to a
 * charge; a gateway only speaks its provider's language, so another provider (the national payment platform, a
 * bank's QR) is one more implementation, reached at {@code /api/payments/{name}/ipn}.
 */
interface PaymentGateway {

  /** The provider's name, as logged on callbacks and in the callback path (lower case there). */
  String name();

  /** Where the citizen's browser goes to pay the charge. */
  String paymentUrl(Charge charge, String clientIp, LocalDateTime now);

  /** Whether the callback (or the browser's return) carries the provider's valid signature. */
  boolean verify(Map<String, String> params);

  /** What a callback says, read only once its signature is known to be good. */
  Notice read(Map<String, String> params);

  /**
   * The parameters that identify a callback (reference, amount, result, the provider's transaction number, the
   * signature): an unsigned callback's log keeps these first, in a bounded summary.
   */
  default java.util.List<String> evidenceFields() {
    return java.util.List.of();
  }

  /** The response body the provider expects for a callback judged as {@code verdict}. */
  Object answer(PaymentAttempt.Verdict verdict);

  /** A callback's content: the merchant reference, the amount in VND, and whether the payment succeeded. */
  record Notice(String txnRef, Long amountVnd, String currency, boolean success, String transactionNo) {
  }
}
