package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.OnlineLevel;
import org.motcua.dossier.DossierChanged;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.Timeliness;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every dossier of a day, agency and procedure adds to the same report rows. A transaction that changes a dossier
 * must not lock those rows while it is still working (the engine's step, the dossier's own rows): the counters are
 * written just before it commits, summed, so other dossiers' actions never queue behind it for long.
 */
@MotcuaTest
class CounterRowLockTest {

  private static final LocalDateTime RECEIVED = LocalDateTime.of(2027, 3, 2, 9, 0);

  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  TransactionTemplate transactions;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;

  @Test
  void theCountersOfADayAreWrittenAtCommitNotWhileTheActionRuns() throws Exception {
    String procedure = "LOCK-" + System.nanoTime();
    transactions.executeWithoutResult(s -> events.publishEvent(new DossierChanged(null, received("A", procedure))));
    assertThat(received(procedure)).isEqualTo(1);

    transactions.executeWithoutResult(s -> {
      DossierFacts b = received("B", procedure);
      events.publishEvent(new DossierChanged(null, b));
      events.publishEvent(new DossierChanged(b, finished(b)));
      // Another action on another dossier of the same bucket can take the row at once: this one holds no lock on it.
      assertThat(lockRowAtOnce(procedure)).as("the day's counter row is free while the action runs").isTrue();
      assertThat(received(procedure)).as("nothing written yet").isEqualTo(1);
    });

    // Both changes of B counted once each, summed into one write.
    assertThat(received(procedure)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select sum(ended) from report_day where procedure_code = ?", Long.class,
        procedure)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select sum(received) from report_month where procedure_code = ?", Long.class,
        procedure)).isEqualTo(2);
  }

  @Test
  void anInnerTransactionCommitsItsOwnCounts() {
    String procedure = "INNER-" + System.nanoTime();
    TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    transactions.executeWithoutResult(outer -> {
      events.publishEvent(new DossierChanged(null, received("D", procedure)));
      inner.executeWithoutResult(s -> events.publishEvent(new DossierChanged(null, received("E", procedure))));
      assertThat(received(procedure)).as("the inner transaction's count, committed with it").isEqualTo(1);
    });
    assertThat(received(procedure)).isEqualTo(2);
  }

  @Test
  void aRolledBackActionCountsNothing() {
    String procedure = "ROLLBACK-" + System.nanoTime();
    transactions.executeWithoutResult(s -> {
      events.publishEvent(new DossierChanged(null, received("C", procedure)));
      s.setRollbackOnly();
    });
    assertThat(received(procedure)).isZero();
  }

  private long received(String procedure) {
    Long sum = jdbc.queryForObject("select coalesce(sum(received), 0) from report_day where procedure_code = ?",
        Long.class, procedure);
    return sum == null ? 0 : sum;
  }

  /** From a connection of its own, with a lock timeout of 200 ms: can the bucket's reception-day row be locked? */
  private boolean lockRowAtOnce(String procedure) {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      boolean postgres = other.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      try (Statement s = other.createStatement()) {
        s.execute(postgres ? "set local lock_timeout = '200ms'" : "set lock_timeout 200");
      }
      try (PreparedStatement update = other.prepareStatement(
          "update report_day set received = received where procedure_code = ? and bucket_day = ?")) {
        update.setString(1, procedure);
        update.setObject(2, RECEIVED.toLocalDate());
        return update.executeUpdate() == 1;
      } catch (SQLException e) {
        // PostgreSQL 55P03 lock_not_available, H2 HYT00 lock timeout: the row is held by the running action.
        if ("55P03".equals(e.getSQLState()) || "HYT00".equals(e.getSQLState())) {
          return false;
        }
        throw e;
      } finally {
        other.rollback();
        if (!postgres) {
          try (Statement s = other.createStatement()) {
            s.execute("set lock_timeout 10000");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DossierFacts received(String code, String procedure) {
    return new DossierFacts(code + "-" + procedure, procedure, "Thử", OnlineLevel.FULL, 0, "000.00.12.H13",
        "/000.00.00.H13/000.00.12.H13/", 2, 2, RECEIVED.minusHours(1), RECEIVED, RECEIVED.plusDays(5), null, null,
        null, null, 0, DurationUnit.WORKING_DAYS, false, 0, 0, false, false);
  }

  private static DossierFacts finished(DossierFacts f) {
    LocalDateTime ended = RECEIVED.plusDays(2);
    return new DossierFacts(f.code(), f.procedureCode(), f.field(), f.onlineLevel(), f.feeVnd(), f.agencyCode(),
        f.agencyPath(), f.channel(), 10, f.submittedAt(), f.receivedAt(), f.dueAt(), ended, ended, ended,
        Timeliness.classify(ended, f.dueAt(), 0), 0, f.durationUnit(), false, 0, 0, false, false);
  }
}
