package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.LockWaits;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An action that read the dossier before another one changed it must not overwrite that change. Here the other
 * change is a transaction the test holds open on the dossier's row: the citizen's withdrawal request reads the
 * dossier, then waits on the row when it saves; the test commits its change; the withdrawal finds the dossier's
 * version moved and is refused as a whole (409 CONCURRENT_CHANGE, in Vietnamese), leaving no history line, no event
 * and no process message behind.
 */
@MotcuaTest
class LostUpdateTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;

  @Test
  void anActionOnADossierChangedMeanwhileIsRefusedWholeWith409() throws Exception {
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    long historyBefore = count("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id"
        + " where d.code = ?", code);
    long eventsBefore = count("select count(*) from outbox_event where dossier_code = ?", code);

    CompletableFuture<Api.Response> withdrawal;
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement change = other.prepareStatement(
          "update dossier set version = version + 1 where code = ?")) {
        change.setString(1, code);
        assertThat(change.executeUpdate()).isEqualTo(1);
      }
      withdrawal = CompletableFuture.supplyAsync(() -> api.post("citizen", "/api/dossiers/" + code + "/withdrawal",
          Map.of("reason", "Tôi muốn nộp lại")));
      LockWaits.awaitSomeoneWaiting(other, withdrawal, "update dossier");
      other.commit();
    }

    Api.Response refused = withdrawal.get(30, TimeUnit.SECONDS);
    assertProblem(refused, 409, "CONCURRENT_CHANGE");
    assertThat(refused.text("detail")).startsWith("Hồ sơ vừa được thay đổi");
    assertThat(jdbc.queryForObject("select status from dossier where code = ?", Integer.class, code)).isEqualTo(1);
    assertThat(count("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.code = ?",
        code)).isEqualTo(historyBefore);
    assertThat(count("select count(*) from outbox_event where dossier_code = ?", code)).isEqualTo(eventsBefore);
    // The process got no withdrawal message: the reception step is still the only open one.
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("currentSteps").findValuesAsText("taskKey"))
        .containsExactly("reception");
  }

  /**
   * The other action holds the dossier longer than the database waits for a lock (H2's LOCK_TIMEOUT, PostgreSQL's
   * lock_timeout, both 10 s): the clerk's completion is refused with 409 RECORD_BUSY instead of an error page, nothing
   * of it is stored, and the step can be completed once the dossier is free. (A deadlock the database broke:
   * {@link DeadlockTest}.)
   */
  @Test
  void anActionThatWaitsTooLongForABusyDossierIsRefusedWith409() throws Exception {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    String taskId = flow.task("clerk.stp", code).path("id").asText();
    int statusBefore = jdbc.queryForObject("select status from dossier where code = ?", Integer.class, code);
    long historyBefore = count("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id"
        + " where d.code = ?", code);
    long eventsBefore = count("select count(*) from outbox_event where dossier_code = ?", code);
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement hold = other.prepareStatement("update dossier set version = version where code = ?")) {
        hold.setString(1, code);
        assertThat(hold.executeUpdate()).isEqualTo(1);
      }
      long started = System.nanoTime();
      Api.Response refused = api.post("clerk.stp", "/api/tasks/" + taskId + "/complete",
          Map.of("decision", "accept"));
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      other.rollback();
      assertProblem(refused, 409, "RECORD_BUSY");
      assertThat(refused.text("detail")).startsWith("Hồ sơ đang được một thao tác khác xử lý");
      assertThat(waitedMillis).as("waited for the configured lock timeout").isGreaterThanOrEqualTo(9_000);
    }
    assertThat(jdbc.queryForObject("select status from dossier where code = ?", Integer.class, code))
        .isEqualTo(statusBefore);
    assertThat(count("select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.code = ?",
        code)).isEqualTo(historyBefore);
    assertThat(count("select count(*) from outbox_event where dossier_code = ?", code)).isEqualTo(eventsBefore);
    assertThat(flow.task("clerk.stp", code).path("id").asText()).isEqualTo(taskId);
    assertThat(flow.decide("clerk.stp", code, "accept", null).path("status").asInt()).isEqualTo(4);
  }

  private long count(String sql, String code) {
    return jdbc.queryForObject(sql, Long.class, code);
  }
}
