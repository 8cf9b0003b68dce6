package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A deadlock PostgreSQL breaks, forced: a clerk's completion locks the dossier's row, then needs the step's row in
 * the process engine to finish it; another transaction holds that step's row and then asks for the dossier's. The
 * completion waited first, so PostgreSQL's deadlock check (after {@code deadlock_timeout}) runs in its session and
 * aborts it (SQLState 40P01): it is refused whole with 409 RECORD_BUSY, nothing stored, and the step can be
 * completed once the other transaction is gone. The other transaction's own check is put off ({@code
 * deadlock_timeout} 60 s in its session), so the victim is never left to chance. (H2 breaks a deadlock in the session
 * that closes the circle, here the test's own, so this runs on PostgreSQL; the lock timeout on both databases is
 * {@link LostUpdateTest}.)
 */
@MotcuaTest
class DeadlockTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;

  @Test
  void theVictimOfADeadlockIsRefusedWholeWith409() throws Exception {
    Assumptions.assumeTrue("postgresql".equals(System.getProperty("motcua.test.database")),
        "deadlock victim choice is PostgreSQL's; run with -DskipPostgresTests=false");
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    String taskId = flow.task("clerk.stp", code).path("id").asText();
    long historyBefore = count("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id"
        + " where d.code = ?", code);
    long eventsBefore = count("select count(*) from outbox_event where dossier_code = ?", code);
    long deadlocksBefore = deadlocks();
    int statusBefore = jdbc.queryForObject("select status from dossier where code = ?", Integer.class, code);

    CompletableFuture<Api.Response> completion;
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement setup = other.createStatement()) {
        setup.execute("set local deadlock_timeout = '60s'");
      }
      int pid;
      try (Statement s = other.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
      }
      try (PreparedStatement step = other.prepareStatement("select id_ from act_ru_task where id_ = ? for update")) {
        step.setString(1, taskId);
        try (ResultSet rs = step.executeQuery()) {
          assertThat(rs.next()).isTrue();
        }
      }
      completion = CompletableFuture.supplyAsync(() -> api.post("clerk.stp", "/api/tasks/" + taskId + "/complete",
          Map.of("decision", "accept")));
      awaitBlockedBy(other, pid, completion);
      // Closes the circle within the completion's deadlock_timeout (1 s): returns once PostgreSQL aborted it.
      try (PreparedStatement dossier = other.prepareStatement("select id from dossier where code = ? for update")) {
        dossier.setQueryTimeout(30);
        dossier.setString(1, code);
        try (ResultSet rs = dossier.executeQuery()) {
          assertThat(rs.next()).isTrue();
        }
      }
      assertThat(completion.get(30, TimeUnit.SECONDS).status()).isEqualTo(409);
      other.rollback();
    }

    Api.Response refused = completion.get();
    assertProblem(refused, 409, "RECORD_BUSY");
    assertThat(refused.text("detail")).startsWith("Hồ sơ đang được một thao tác khác xử lý");
    assertThat(awaitDeadlocksAbove(deadlocksBefore)).as("deadlocks PostgreSQL broke").isGreaterThan(deadlocksBefore);
    assertThat(jdbc.queryForObject("select status from dossier where code = ?", Integer.class, code)).isEqualTo(statusBefore);
    assertThat(count("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.code = ?",
        code)).isEqualTo(historyBefore);
    assertThat(count("select count(*) from outbox_event where dossier_code = ?", code)).isEqualTo(eventsBefore);
    assertThat(flow.task("clerk.stp", code).path("id").asText()).isEqualTo(taskId);
    assertThat(flow.decide("clerk.stp", code, "accept", null).path("status").asInt()).isEqualTo(4);
  }

  /** Until a session waits for a lock {@code pid} holds; fails if the action ends first. */
  private static void awaitBlockedBy(Connection connection, int pid, CompletableFuture<?> action) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      assertThat(action.isDone()).as("the action ended before it reached the locked row").isFalse();
      try (PreparedStatement query = connection.prepareStatement(
          "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
        query.setInt(1, pid);
        try (ResultSet rs = query.executeQuery()) {
          if (rs.next() && rs.getLong(1) > 0) {
            return;
          }
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the action never waited for the locked row");
  }

  private long deadlocks() {
    return jdbc.queryForObject("select deadlocks from pg_stat_database where datname = current_database()",
        Long.class);
  }

  /** The statistics collector reports a deadlock up to a second or so after it happened. */
  private long awaitDeadlocksAbove(long before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long now = deadlocks();
    while (now <= before && System.nanoTime() < deadline) {
      Thread.sleep(200);
      now = deadlocks(); // each query its own transaction, so a fresh statistics snapshot
    }
    return now;
  }

  private long count(String sql, String code) {
    return jdbc.queryForObject(sql, Long.class, code);
  }
}
