package org.motcua.common;

import org.springframework.http.HttpStatus;

/**
 * A request refused by a throttle: 429 with a {@code Retry-After} header (seconds) and the usual problem+json body.
 * The message arguments should say when to try again.
 */
public class Throttled extends ApiException {

  private final long retryAfterSeconds;

  public Throttled(String code, long retryAfterSeconds, Object... args) {
    super(HttpStatus.TOO_MANY_REQUESTS, code, args);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Whole minutes to wait, rounded up, for messages that speak in minutes. */
  public static long minutes(long seconds) {
    return Math.max(1, (seconds + 59) / 60);
  }
}
