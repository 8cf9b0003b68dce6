package org.motcua.payment;

import java.util.Map;
import org.motcua.common.ApiException;
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

  @GetMapping("/api/payments/{gateway}/ipn")
  Object ipn(@PathVariable String gateway, @RequestParam Map<String, String> params) {
    return payments.handleCallback(gateway(gateway), params);
  }

  PaymentGateway gateway(String name) {
    return payments.gateway(name).orElseThrow(() -> ApiException.notFound("UNKNOWN_GATEWAY", name));
  }
}
