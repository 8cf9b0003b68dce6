package org.motcua.outbox;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why an administrator's request on the outbox is refused; the name is the stable problem code. */
public enum OutboxRefusal implements Refusal {
  /** No outbox event with this id. Args: the id. */
  OUTBOX_EVENT_NOT_FOUND(HttpStatus.NOT_FOUND),
  /** Only a dead letter can be resent: this one is still being tried, or was delivered. Args: the id, its state. */
  OUTBOX_EVENT_NOT_DEAD(HttpStatus.CONFLICT),
  /** The state filter is not one of PENDING, FAILING, DEAD, DELIVERED. Args: the value. */
  UNKNOWN_OUTBOX_STATE(HttpStatus.BAD_REQUEST);

  private final HttpStatus status;

  OutboxRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
