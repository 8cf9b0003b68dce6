package org.motcua.dossier;

import java.time.Clock;
import java.time.LocalDateTime;
import org.motcua.common.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Public tracking asks only for a dossier code and the last four digits of a phone number: ten thousand guesses.
 * After a few wrong answers for one code, that code cannot be tracked publicly for a while. Failures are kept in the
 * database, so every node of a cluster counts the same ones.
 */
@Component
class TrackingGuard {

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final int maxFailures;
  private final int windowMinutes;

  TrackingGuard(JdbcTemplate jdbc, Clock clock,
      @Value("${motcua.tracking.max-failures:5}") int maxFailures,
      @Value("${motcua.tracking.lock-minutes:15}") int windowMinutes) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.windowMinutes = windowMinutes;
  }

  /** Refuses (HTTP 429) a code that had too many wrong answers within the window. */
  void checkNotLocked(String code) {
    LocalDateTime since = LocalDateTime.now(clock).minusMinutes(windowMinutes);
    // Unknown codes count too (a lock must not reveal which codes exist), so old failures of any code are dropped.
    jdbc.update("delete from tracking_failure where failed_at < ?", since);
    Long failures = jdbc.queryForObject(
        "select count(*) from tracking_failure where dossier_code = ? and failed_at >= ?", Long.class, code, since);
    if (failures != null && failures >= maxFailures) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "TRACKING_LOCKED", windowMinutes);
    }
  }

  void recordFailure(String code) {
    jdbc.update("insert into tracking_failure (dossier_code, failed_at) values (?, ?)", code,
        LocalDateTime.now(clock));
  }
}
