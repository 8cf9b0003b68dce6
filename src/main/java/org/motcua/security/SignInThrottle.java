package org.motcua.security;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in back-off, kept in the database (table {@code sign_in_throttle}) so it holds across nodes. Three scopes
 * count failures: the account (any address), the client address (any account) and the (account, address) pair.
 * When a scope's failures reach its free allowance, further attempts are refused, before the password is checked,
 * for a back-off that doubles with each further failure up to the scope's cap. The per-account cap is short (a
 * citizen whose account is attacked from elsewhere waits minutes at most); the pair and address caps are long (the
 * attacker's own address pays). See {@link ThrottledSignIn} for when each step runs.
 */
@Component
class SignInThrottle {

  /** Usernames are at most 100 characters; a longer one is no account, so its key is cut there. */
  private static final int MAX_NAME = 100;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final SignInLimits limits;
  private final TransactionTemplate ownTransaction;

  SignInThrottle(JdbcTemplate jdbc, Clock clock, SignInLimits limits, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.limits = limits;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  private record Key(String key, SignInLimits.Scope scope, boolean clearedBySuccess) {
  }

  private record Row(int failures, LocalDateTime lastFailureAt, LocalDateTime blockedUntil) {
  }

  /** One indexed lookup (three primary keys): seconds this attempt must wait, 0 when it may be tried now. */
  long secondsToWait(String username, String address) {
    LocalDateTime now = LocalDateTime.now(clock);
    List<Key> keys = keys(username, address);
    long[] retry = {0};
    jdbc.query("select blocked_until from sign_in_throttle where throttle_key in (?, ?, ?)",
        rs -> {
          LocalDateTime blocked = rs.getObject(1, LocalDateTime.class);
          if (blocked != null && blocked.isAfter(now)) {
            retry[0] = Math.max(retry[0], secondsUntil(now, blocked));
          }
        },
        keys.get(0).key(), keys.get(1).key(), keys.get(2).key());
    return retry[0];
  }

  /**
   * Counts a failed attempt in every scope, starting a back-off where a scope's free failures are used up. Throws
   * when a scope is backed off already (nothing counted).
   */
  void take(String username, String address) {
    forgetOld();
    for (int attempt = 0; ; attempt++) {
      try {
        long retry = ownTransaction.execute(status -> countFailure(username, address));
        if (retry > 0) {
          throw new SignInThrottledException(retry);
        }
        return;
      } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
        // Another attempt inserted the same new key first; the row is there now and will be locked and updated.
        if (attempt >= 2) {
          throw raced;
        }
      }
    }
  }

  /**
   * The password was right: the pair's failures are cleared. The account and the address keep their counts: a
   * guesser spread over many addresses must not see the account's count wiped each time its owner signs in, nor an
   * attacker wipe their address's count by signing in to an account of their own.
   */
  void succeeded(String username, String address) {
    List<Key> keys = keys(username, address);
    ownTransaction.executeWithoutResult(status -> keys.stream().filter(Key::clearedBySuccess)
        .forEach(key -> jdbc.update("delete from sign_in_throttle where throttle_key = ?", key.key())));
  }

  private long countFailure(String username, String address) {
    LocalDateTime now = LocalDateTime.now(clock);
    List<Key> keys = keys(username, address);
    Row[] rows = new Row[keys.size()];
    long retry = 0;
    // Rows are locked in key order, so two attempts sharing keys never wait on each other in a circle.
    for (int i = 0; i < keys.size(); i++) {
      rows[i] = jdbc.query("select failures, last_failure_at, blocked_until from sign_in_throttle"
              + " where throttle_key = ? for update",
          rs -> rs.next() ? new Row(rs.getInt(1), rs.getObject(2, LocalDateTime.class),
              rs.getObject(3, LocalDateTime.class)) : null,
          keys.get(i).key());
      if (rows[i] != null && rows[i].blockedUntil() != null && rows[i].blockedUntil().isAfter(now)) {
        retry = Math.max(retry, secondsUntil(now, rows[i].blockedUntil()));
      }
    }
    if (retry > 0) {
      return retry;
    }
    for (int i = 0; i < keys.size(); i++) {
      LocalDateTime forgotten = now.minus(keys.get(i).scope().forgetAfter(limits.forgetAfter()));
      Row row = rows[i];
      int failures = row == null || row.lastFailureAt().isBefore(forgotten) ? 1 : row.failures() + 1;
      Duration backOff = keys.get(i).scope().backOffAfter(failures);
      LocalDateTime blockedUntil = backOff.isZero() ? null : now.plus(backOff);
      if (row == null) {
        jdbc.update("insert into sign_in_throttle (throttle_key, failures, last_failure_at, blocked_until)"
            + " values (?, ?, ?, ?)", keys.get(i).key(), failures, now, blockedUntil);
      } else {
        jdbc.update("update sign_in_throttle set failures = ?, last_failure_at = ?, blocked_until = ?"
            + " where throttle_key = ?", failures, now, blockedUntil, keys.get(i).key());
      }
    }
    return 0;
  }

  /** Rows whose failures are forgotten and whose back-off is over. */
  private void forgetOld() {
    LocalDateTime now = LocalDateTime.now(clock);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update("delete from sign_in_throttle"
          + " where last_failure_at < ? and (blocked_until is null or blocked_until < ?)",
          now.minus(limits.forgetAfter()), now));
    } catch (PessimisticLockingFailureException busy) {
      // Housekeeping only: a row in use is left for the next attempt's clean-up.
    }
  }

  private List<Key> keys(String username, String address) {
    String name = username == null ? "" : username.length() > MAX_NAME ? username.substring(0, MAX_NAME) : username;
    String from = address == null ? "unknown" : address;
    return java.util.stream.Stream.of(
            new Key("account:" + name, limits.perAccount(), false),
            new Key("address:" + from, limits.perAddress(), false),
            new Key("pair:" + name + "|" + from, limits.perAccountAndAddress(), true))
        .sorted(Comparator.comparing(Key::key))
        .toList();
  }

  private static long secondsUntil(LocalDateTime now, LocalDateTime until) {
    return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
  }
}
