package org.motcua.security;

import org.motcua.common.Throttled;
import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused before its password was checked: the account, the client address or the pair had too many
 * recent failures. An account-status exception, so the authentication manager stops at once (no other provider
 * gets to check the password).
 */
class SignInThrottledException extends AccountStatusException {

  static final String CODE = "SIGN_IN_THROTTLED";

  private final long retryAfterSeconds;

  SignInThrottledException(long retryAfterSeconds) {
    super(CODE);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The wait as the message states it: whole minutes, rounded up. */
  long retryAfterMinutes() {
    return Throttled.minutes(retryAfterSeconds);
  }
}
