package org.motcua.common;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window counters in the database (table {@code rate_counter}), shared by every node. A request takes its slot
 * before it is evaluated, with one conditional update per key ({@code hits = hits + 1 where hits < limit}), so
 * parallel requests can never use more slots than the limit; a slot can be given back afterwards (a right answer is
 * not a failure). Each call runs in a transaction of its own and commits at once: the slot is visible to every node
 * while the request is still being evaluated, and a key's first insert racing another is simply retried.
 */
@Component
public class RateCounters {

  /** A limit on one key: at most {@code limit} hits per {@code window}. */
  public record Limit(String key, int limit, Duration window) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  RateCounters(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Takes one slot of every limit, all or none. Returns empty when they were taken, or the seconds until the
   * earliest moment the refusing limits have a free slot again (nothing is taken then).
   */
  public OptionalLong take(List<Limit> limits) {
    for (int attempt = 0; ; attempt++) {
      try {
        return ownTransaction.execute(status -> {
          LocalDateTime now = LocalDateTime.now(clock);
          // Rows are locked in key order, so requests sharing keys never wait on each other in a circle.
          for (Limit limit : inKeyOrder(limits)) {
            if (!takeOne(limit, now)) {
              status.setRollbackOnly(); // gives back the slots of the other keys taken above
              return OptionalLong.of(retryAfter(limit, now));
            }
          }
          return OptionalLong.empty();
        });
      } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
        // Another request inserted the same new key first (the row is there now, so the update will find it), or
        // the database broke a lock wait with a clean-up: the attempt rolled back whole and is tried again.
        if (attempt >= 2) {
          throw raced;
        }
      }
    }
  }

  /** Gives back one slot of each key (the request turned out not to count, e.g. a right answer). */
  public void giveBack(List<Limit> limits) {
    ownTransaction.executeWithoutResult(status -> {
      for (Limit limit : inKeyOrder(limits)) {
        jdbc.update("update rate_counter set hits = hits - 1 where counter_key = ? and hits > 0", limit.key());
      }
    });
  }

  /** Drops the keys' counts (e.g. after a success). */
  public void clear(List<String> keys) {
    ownTransaction.executeWithoutResult(status -> keys.forEach(
        key -> jdbc.update("delete from rate_counter where counter_key = ?", key)));
  }

  /**
   * Deletes the rows of keys starting with {@code prefix} whose window started more than {@code window} ago: they
   * would start again at their next hit anyway. Keeps the table as small as the keys in use.
   */
  public void forget(String prefix, Duration window) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "delete from rate_counter where counter_key like ? and window_start <= ?", prefix + "%",
          LocalDateTime.now(clock).minus(window)));
    } catch (PessimisticLockingFailureException busy) {
      // Housekeeping only: a row in use is left for the next request's clean-up.
    }
  }

  private static List<Limit> inKeyOrder(List<Limit> limits) {
    return limits.stream().sorted(java.util.Comparator.comparing(Limit::key)).toList();
  }

  private boolean takeOne(Limit limit, LocalDateTime now) {
    LocalDateTime expired = now.minus(limit.window());
    // An ended window starts again at this hit; a running one counts on while below the limit.
    int updated = jdbc.update("update rate_counter set"
            + " hits = case when window_start <= ? then 1 else hits + 1 end,"
            + " window_start = case when window_start <= ? then ? else window_start end"
            + " where counter_key = ? and (window_start <= ? or hits < ?)",
        expired, expired, now, limit.key(), expired, limit.limit());
    if (updated == 1) {
      return true;
    }
    if (limit.limit() < 1) {
      return false;
    }
    Integer exists = jdbc.queryForObject("select count(*) from rate_counter where counter_key = ?", Integer.class,
        limit.key());
    if (exists != null && exists > 0) {
      return false; // the window is full
    }
    jdbc.update("insert into rate_counter (counter_key, window_start, hits) values (?, ?, 1)", limit.key(), now);
    return true;
  }

  private long retryAfter(Limit limit, LocalDateTime now) {
    LocalDateTime start = jdbc.query("select window_start from rate_counter where counter_key = ?",
        rs -> rs.next() ? rs.getObject(1, LocalDateTime.class) : now, limit.key());
    return Math.max(1, (Duration.between(now, start.plus(limit.window())).toMillis() + 999) / 1000);
  }
}
