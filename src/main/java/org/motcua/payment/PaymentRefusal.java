package org.motcua.payment;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a payment is refused; the name is the stable problem code. */
public enum PaymentRefusal implements Refusal {
  /** At the counter only cash or the card terminal. Args: the method. */
  INVALID_PAYMENT_METHOD(HttpStatus.BAD_REQUEST),
  /** The dossier has no fee waiting to be paid. Args: dossier code. */
  NO_OPEN_CHARGE(HttpStatus.CONFLICT),
  /** Another payment or exemption settled the charge first. Args: dossier code. */
  CHARGE_ALREADY_SETTLED(HttpStatus.CONFLICT),
  /** No payment gateway of this name. Args: the name. */
  UNKNOWN_GATEWAY(HttpStatus.NOT_FOUND);

  private final HttpStatus status;

  PaymentRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
