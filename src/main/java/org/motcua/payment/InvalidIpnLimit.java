package org.motcua.payment;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.motcua.common.RateCounters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Callbacks with a bad signature, counted per client address in a window ({@link RateCounters}, so across nodes):
 * the gateway itself never sends one unless its secret is misconfigured, so past a few they are an attacker filling
 * the attempt log, and are refused without being stored.
 */
@Component
class InvalidIpnLimit {

  private static final String PREFIX = "ipn-invalid:";

  private final RateCounters counters;
  private final int perAddress;
  private final Duration window;

  InvalidIpnLimit(RateCounters counters,
      @Value("${motcua.payment.invalid-ipn.max-per-address:20}") int perAddress,
      @Value("${motcua.payment.invalid-ipn.window:PT10M}") Duration window) {
    this.counters = counters;
    this.perAddress = perAddress;
    this.window = window;
  }

  /** Takes a slot for one more invalid callback from {@code address}, or the seconds to wait for one. */
  OptionalLong take(String address) {
    counters.forget(PREFIX, window);
    return counters.take(List.of(new RateCounters.Limit(PREFIX + address, perAddress, window)));
  }
}
