package org.motcua.notification;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why a notification request is refused; the name is the stable problem code. */
public enum NotificationRefusal implements Refusal {
  /** A channel that is not EMAIL, SMS or ZALO. Args: the value. */
  UNKNOWN_CHANNEL(HttpStatus.BAD_REQUEST),
  /** A language other than vi or en. Args: the value. */
  UNKNOWN_LANGUAGE(HttpStatus.BAD_REQUEST);

  private final HttpStatus status;

  NotificationRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
