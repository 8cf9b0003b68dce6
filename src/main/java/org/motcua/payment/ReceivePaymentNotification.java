package org.motcua.payment;

import java.util.Map;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.stereotype.Component;

/**
 * A payment gateway tells the service, server to server, how a payment ended (IPN): believed only once its signature
 * is checked; answered in the gateway's protocol.
 */
@Component
class ReceivePaymentNotification implements UseCase {

  private final Payments payments;

  ReceivePaymentNotification(Payments payments) {
    this.payments = payments;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(PaymentRefusal.UNKNOWN_GATEWAY);
  }

  Payments.IpnReply receive(String gateway, Map<String, String> params, String clientAddress) {
    return payments.handleCallback(gateway(payments, gateway), params, clientAddress);
  }

  /** The gateway of that name, or {@link PaymentRefusal#UNKNOWN_GATEWAY}. */
  static PaymentGateway gateway(Payments payments, String name) {
    return payments.gateway(name).orElseThrow(() -> PaymentRefusal.UNKNOWN_GATEWAY.exception(name));
  }
}
