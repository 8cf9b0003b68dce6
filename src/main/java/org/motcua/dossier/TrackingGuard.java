package org.motcua.dossier;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.motcua.common.RateCounters;
import org.motcua.common.RateCounters.Limit;
import org.motcua.common.Throttled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Public tracking asks only for a dossier code and the last four digits of a phone number: ten thousand guesses.
 * Every guess takes a slot of three counters before it is evaluated: the (code, client address) pair, the address
 * across all codes, and the code across all addresses (guessing spread over many addresses). When any is full the
 * guess is refused (HTTP 429) without being evaluated; a right answer gives its slots back, so only wrong answers
 * count. The counters are rows in the database ({@link RateCounters}), so every node counts the same guesses.
 */
@Component
class TrackingGuard {

  private static final String PREFIX = "track:";
  /** No dossier code is longer; a longer one cannot exist, so its key is cut there. */
  private static final int MAX_CODE = 60;

  private final RateCounters counters;
  private final int perPair;
  private final int perAddress;
  private final int perCode;
  private final Duration window;

  TrackingGuard(RateCounters counters,
      @Value("${motcua.tracking.max-failures:5}") int perPair,
      @Value("${motcua.tracking.max-failures-per-address:20}") int perAddress,
      @Value("${motcua.tracking.max-failures-per-code:30}") int perCode,
      @Value("${motcua.tracking.lock-minutes:15}") int windowMinutes) {
    this.counters = counters;
    this.perPair = perPair;
    this.perAddress = perAddress;
    this.perCode = perCode;
    this.window = Duration.ofMinutes(windowMinutes);
  }

  /** The counters one guess at {@code code} from {@code address} takes a slot of. */
  List<Limit> limits(String code, String address) {
    String key = code.length() > MAX_CODE ? code.substring(0, MAX_CODE) : code;
    return List.of(new Limit(PREFIX + "pair:" + key + "|" + address, perPair, window),
        new Limit(PREFIX + "address:" + address, perAddress, window),
        new Limit(PREFIX + "code:" + key, perCode, window));
  }

  /**
   * Takes this guess's slots, or refuses it (HTTP 429, TRACKING_LOCKED) when the pair, the address or the code has
   * had too many wrong answers in the window. Unknown codes count the same, so a refusal reveals nothing.
   */
  List<Limit> take(String code, String address) {
    counters.forget(PREFIX, window);
    List<Limit> limits = limits(code, address);
    OptionalLong refused = counters.take(limits);
    if (refused.isPresent()) {
      long seconds = refused.getAsLong();
      throw new Throttled("TRACKING_LOCKED", seconds, Throttled.minutes(seconds));
    }
    return limits;
  }

  /** A right answer is not a failure: its slots go back. */
  void giveBack(List<Limit> slots) {
    counters.giveBack(slots);
  }
}
