package org.motcua.payment;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.motcua.common.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateways' server-to-server notifications (IPN), e.g. {@code /api/payments/vnpay/ipn}. Open to anyone: a
 * callback is authenticated by its signature, which is checked before anything in it is read.
 */
@RestController
class PaymentCallbackController {

  private final Payments payments;

  PaymentCallbackController(Payments payments) {
    this.payments = payments;
  }

  /** The protocol's answer; 429 with {@code Retry-After} once the caller sent too many unsigned callbacks. */
  @GetMapping("/api/payments/{gateway}/ipn")
  ResponseEntity<Object> ipn(@PathVariable String gateway, @RequestParam Map<String, String> params,
      HttpServletRequest request) {
    Payments.IpnReply reply = payments.handleCallback(gateway(gateway), params, request.getRemoteAddr());
    if (reply.refused()) {
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(reply.retryAfterSeconds())).body(reply.body());
    }
    return ResponseEntity.ok(reply.body());
  }

  PaymentGateway gateway(String name) {
    return payments.gateway(name).orElseThrow(() -> ApiException.notFound("UNKNOWN_GATEWAY", name));
  }
}
