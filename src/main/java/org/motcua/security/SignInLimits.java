package org.motcua.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in back-off ({@code motcua.security.sign-in}), see {@link SignInThrottle}: each scope allows a few free
 * failures, then refuses further attempts for a back-off that doubles with each failure, up to a cap. Failures are
 * forgotten after {@code forgetAfter} without a new one. The shipped values are in {@code config/motcua.yml}.
 */
@ConfigurationProperties("motcua.security.sign-in")
record SignInLimits(
    @DefaultValue("PT24H") Duration forgetAfter,
    @DefaultValue Scope perAccount,
    @DefaultValue Scope perAddress,
    @DefaultValue Scope perAccountAndAddress) {

  /**
   * From the {@code freeFailures}-th failure on, attempts are refused for {@code firstBackOff}, doubled with each
   * further failure, at most {@code maxBackOff}.
   */
  record Scope(@DefaultValue("5") int freeFailures, @DefaultValue("PT1M") Duration firstBackOff,
      @DefaultValue("PT1H") Duration maxBackOff, Duration forgetAfter) {

    /** This scope's own forgetting time, or the common one. */
    Duration forgetAfter(Duration common) {
      return forgetAfter == null ? common : forgetAfter;
    }

    /** How long attempts are refused after the {@code failures}-th failure (zero while within the free ones). */
    Duration backOffAfter(int failures) {
      if (failures < freeFailures) {
        return Duration.ZERO;
      }
      int doublings = Math.min(failures - freeFailures, 30);
      Duration backOff = firstBackOff.multipliedBy(1L << doublings);
      return backOff.compareTo(maxBackOff) > 0 ? maxBackOff : backOff;
    }
  }
}
