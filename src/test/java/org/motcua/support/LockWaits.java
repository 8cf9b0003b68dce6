package org.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * For tests that make a race deterministic: the test holds a row in an open transaction, starts the competing
 * action, and waits here until the database shows a session waiting for a lock before it commits.
 */
public final class LockWaits {

  private LockWaits() {
  }

  /**
   * Until another session waits for a lock {@code connection} holds, or (H2, which does not show a wait on a unique key as blocked) runs the
   * statement that meets the held row; fails if {@code action} ends first.
   *
   * @param statement how the competing statement starts, e.g. {@code "insert into app_user"}
   */
  public static void awaitSomeoneWaiting(Connection connection, Future<?> action, String statement)
      throws Exception {
    boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    String waiting = postgres
        // Only sessions waiting for this connection's locks: other runs share the database and wait on their own.
        ? "select count(*) from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid))"
        : "select count(*) from information_schema.sessions where session_id <> session_id()"
            + " and (blocker_id is not null or lower(executing_statement) like ?)";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      assertThat(action.isDone()).as("the action ended before it reached the locked row").isFalse();
      try (PreparedStatement query = connection.prepareStatement(waiting)) {
        if (!postgres) {
          query.setString(1, statement.toLowerCase() + "%");
        }
        try (ResultSet rs = query.executeQuery()) {
          if (rs.next() && rs.getLong(1) > 0) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the action never waited for the locked row");
  }
}
