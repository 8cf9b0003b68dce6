package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.OnlineLevel;
import org.motcua.dossier.DossierChanged;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.motcua.dossier.Timeliness;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Property: for random dossier sets and random periods, agencies, judged instants and groupings, the aggregate path
 * gives exactly the raw scan's counts. Dossiers live under an agency tree of their own (root {@code PT.R}), so other
 * tests' data never mixes in and these open dossiers never reach the province's reports.
 */
@MotcuaTest
class AggregateMatchesRawScanTest {

  private static final String[] PATHS = {"/PT.R/", "/PT.R/PT.A/", "/PT.R/PT.A/PT.A1/", "/PT.R/PT.B/"};
  private static final String[][] PROCEDURES = {
      {"PT.P1", "Hộ tịch", "FULL"}, {"PT.P2", "Chứng thực", "PARTIAL"}, {"PT.P3", "Đất đai", "NONE"},
      {"PT.P4", "Hộ tịch", "PARTIAL"}};
  private static final LocalDateTime START = LocalDateTime.of(2019, 1, 1, 0, 0);

  @Autowired
  SummaryQuery raw;
  @Autowired
  AggregateQuery aggregates;
  @Autowired
  HistoryRows rows;
  @Autowired
  ApplicationEventPublisher events;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void aggregatePathEqualsRawScanOnRandomData() {
    long seed = Long.getLong("motcua.test.seed", System.nanoTime());
    Random random = new Random(seed);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    List<DossierFacts> current = new ArrayList<>();
    // Half arrive as live creations through the event listener, half as a bulk import batch.
    List<ImportedDossier> bulk = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      DossierFacts facts = randomDossier(random, "PT-" + seed + "-" + i);
      current.add(facts);
      if (i % 2 == 0) {
        bulk.add(new ImportedDossier(facts, "Thủ tục thử", 5));
      } else {
        tx.executeWithoutResult(s -> {
          insertWithoutCounts(facts);
          events.publishEvent(new DossierChanged(null, facts));
        });
      }
    }
    tx.executeWithoutResult(s -> rows.insert(bulk));

    // Live changes: reception of submitted ones, supplement requests, ends of handling, results returned.
    for (int i = 0; i < current.size(); i++) {
      for (int step = 0; step < 3; step++) {
        DossierFacts before = current.get(i);
        DossierFacts after = step < 2 ? change(random, before) : satisfaction(random, before);
        if (after != null) {
          current.set(i, after);
          tx.executeWithoutResult(s -> {
            update(after);
            events.publishEvent(new DossierChanged(before, after));
          });
        }
      }
    }

    String[] agencies = {null, "PT.R", "PT.A", "PT.A1", "PT.B"};
    String[] groupings = {null, "agency_path", "procedure_code", "procedure_field", "channel"};
    for (int q = 0; q < 150; q++) {
      LocalDate from = LocalDate.of(2018, 10, 1).plusDays(random.nextInt(5 * 365));
      LocalDate to = switch (random.nextInt(4)) {
        case 0 -> from;
        case 1 -> from.plusMonths(1).minusDays(1);
        default -> from.plusDays(random.nextInt(500));
      };
      LocalDateTime end = to.plusDays(1).atStartOfDay();
      // The judged instant: the period's end, or a "now" inside or before the period, often on a due day.
      LocalDateTime someDue = current.get(random.nextInt(current.size())).dueAt();
      LocalDateTime judged = switch (random.nextInt(4)) {
        case 0 -> end;
        case 1 -> someDue == null ? end : min(someDue, end);
        default -> min(from.atStartOfDay().plusMinutes(random.nextInt((int) java.time.Duration
            .between(from.atStartOfDay().minusDays(20), end).toMinutes())).minusDays(20), end);
      };
      String agency = agencies[random.nextInt(agencies.length)];
      String scope = agency == null ? "PT.R" : agency;
      for (String grouping : groupings) {
        Map<String, Tally> expected = nonEmpty(raw.tally(from, to, scope, judged, grouping));
        Map<String, Tally> actual = nonEmpty(aggregates.tally(from, to, scope, judged, grouping));
        assertThat(actual).as("seed %d: %s..%s agency %s judged %s by %s", seed, from, to, scope, judged, grouping)
            .isEqualTo(expected);
      }
    }
    // The data set really exercises what the property is about.
    Tally whole = raw.tally(LocalDate.of(2019, 1, 1), LocalDate.of(2022, 12, 31), "PT.R",
        LocalDateTime.of(2021, 6, 30, 10, 0), null).get("");
    assertThat(whole.inProgress()).isPositive();
    assertThat(whole.inProgressOverdue()).isPositive();
    assertThat(whole.finishedLate()).isPositive();
    assertThat(whole.withdrawn()).isPositive();
    assertThat(whole.refused()).isPositive();
    assertThat(whole.receivedOnlineVneid()).isPositive().isLessThan(whole.receivedOnline());
    assertThat(whole.dissatisfied()).isPositive().isLessThan(whole.finished() + whole.inProgress());
  }

  private static Map<String, Tally> nonEmpty(Map<String, Tally> tallies) {
    Map<String, Tally> result = new LinkedHashMap<>();
    tallies.forEach((k, v) -> {
      if (!v.isEmpty()) {
        result.put(k, v);
      }
    });
    return result;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /** A dossier in a random state: never received (1, 3), open (2, 4, 5), or ended (8 stopped, 9, 10). */
  private static DossierFacts randomDossier(Random random, String code) {
    String path = PATHS[random.nextInt(PATHS.length)];
    String[] procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
    LocalDateTime submitted = START.plusMinutes(random.nextInt(4 * 365 * 24 * 60));
    int channel = 1 + random.nextInt(3);
    int supplements = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3);
    int kind = random.nextInt(10);
    if (kind == 0) {
      return facts(code, path, procedure, channel, random.nextBoolean() ? 1 : 3, submitted, null, null, null, null,
          supplements);
    }
    LocalDateTime received = submitted.plusMinutes(random.nextInt(3 * 24 * 60));
    LocalDateTime due = random.nextInt(8) == 0 ? received.toLocalDate().atTime(17, 0).isBefore(received)
        ? received : received.toLocalDate().atTime(17, 0)
        : received.plusDays(random.nextInt(30)).plusMinutes(random.nextInt(8 * 60));
    if (kind <= 3) {
      return facts(code, path, procedure, channel, 2 + random.nextInt(2) * 2, submitted, received, due, null, null,
          supplements);
    }
    LocalDateTime ended = randomEnd(random, received, due);
    int status = 8 + random.nextInt(3);
    return facts(code, path, procedure, channel, status, submitted, received, due, ended,
        status == 10 ? ended.plusHours(2) : null, supplements);
  }

  /** An end near the due date: before it, on its day before or at the instant, or after it. */
  private static LocalDateTime randomEnd(Random random, LocalDateTime received, LocalDateTime due) {
    LocalDateTime end = switch (random.nextInt(4)) {
      case 0 -> due;
      case 1 -> due.toLocalDate().atStartOfDay().plusMinutes(random.nextInt(24 * 60));
      default -> received.plusMinutes(random.nextInt(40 * 24 * 60));
    };
    return end.isBefore(received) ? received : end;
  }

  private static DossierFacts facts(String code, String path, String[] procedure, int channel, int status,
      LocalDateTime submitted, LocalDateTime received, LocalDateTime due, LocalDateTime ended, LocalDateTime returned,
      int supplements) {
    Timeliness timeliness = ended == null ? null : Timeliness.classify(ended, due, supplements);
    String agencyCode = path.substring(path.lastIndexOf('/', path.length() - 2) + 1, path.length() - 1);
    // Digitization, reuse and fees vary with the code, so the extra counters are exercised on both paths too.
    int h = Math.abs(code.hashCode());
    int supplied = h % 3;
    return new DossierFacts(code, procedure[0], procedure[1], OnlineLevel.valueOf(procedure[2]),
        h % 2 == 0 ? 50_000 : 0, agencyCode, path, channel, status, submitted, received, due,
        status == 8 ? null : ended, returned, ended, timeliness, supplements, DurationUnit.WORKING_DAYS,
        h % 5 < 3, supplied, Math.min(supplied, h % 2), ended != null && h % 7 < 5, h % 2 == 0 && h % 4 == 0,
        stopReason(status, h), vneid(h));
  }

  /** One live step, or null: reception, a supplement request, an end of handling, a returned result. */
  private static DossierFacts change(Random random, DossierFacts f) {
    int roll = random.nextInt(4);
    if (f.receivedAt() == null) {
      if (f.status() != 1 || roll > 1) {
        return null;
      }
      LocalDateTime received = f.submittedAt().plusHours(1 + random.nextInt(30));
      return with(f, 4, received, received.plusDays(random.nextInt(20)), null, null, f.supplementCount());
    }
    if (f.endedAt() == null) {
      return switch (roll) {
        case 0 -> with(f, 5, f.receivedAt(), f.dueAt(), null, null, f.supplementCount() + 1);
        case 1, 2 -> {
          LocalDateTime ended = randomEnd(random, f.receivedAt(), f.dueAt());
          yield with(f, roll == 1 ? 8 : 9, f.receivedAt(), f.dueAt(), ended, null, f.supplementCount());
        }
        default -> null;
      };
    }
    if (f.status() == 9 && roll == 0) {
      return with(f, 10, f.receivedAt(), f.dueAt(), f.endedAt(), f.endedAt().plusDays(1), f.supplementCount());
    }
    return null;
  }

  /**
   * The satisfaction facts (issue 16): a rating 1–5 on a returned dossier, feedback written about any dossier, and
   * sometimes rejected; or nothing.
   */
  private static DossierFacts satisfaction(Random random, DossierFacts f) {
    int roll = random.nextInt(4);
    Integer rating = f.satisfactionRating();
    int feedback = f.feedbackCount();
    int rejected = f.feedbackRejected();
    switch (roll) {
      case 0 -> {
        if (f.status() != 10 || rating != null) {
          return null;
        }
        rating = 1 + random.nextInt(5);
      }
      case 1 -> feedback++;
      case 2 -> {
        feedback++;
        rejected++;
      }
      default -> {
        return null;
      }
    }
    return new DossierFacts(f.code(), f.procedureCode(), f.field(), f.onlineLevel(), f.feeVnd(), f.agencyCode(),
        f.agencyPath(), f.channel(), f.status(), f.submittedAt(), f.receivedAt(), f.dueAt(), f.finishedAt(),
        f.returnedAt(), f.endedAt(), f.timeliness(), f.supplementCount(), f.durationUnit(), f.componentsDigitized(),
        f.componentsSupplied(), f.componentsReused(), f.resultDigitized(), f.paidOnline(), f.stopReason(),
        f.vneidVerified(), rating, feedback, rejected);
  }

  private static DossierFacts with(DossierFacts f, int status, LocalDateTime received, LocalDateTime due,
      LocalDateTime ended, LocalDateTime returned, int supplements) {
    Timeliness timeliness = ended == null ? null : Timeliness.classify(ended, due, supplements);
    return new DossierFacts(f.code(), f.procedureCode(), f.field(), f.onlineLevel(), f.feeVnd(), f.agencyCode(),
        f.agencyPath(), f.channel(), status, f.submittedAt(), received, due, status == 8 ? null : ended, returned,
        ended, timeliness, supplements, f.durationUnit(), f.componentsDigitized(), f.componentsSupplied(),
        f.componentsReused(), ended != null && Math.abs(f.code().hashCode()) % 7 < 5, f.paidOnline(),
        stopReason(status, Math.abs(f.code().hashCode())), f.vneidVerified(), f.satisfactionRating(),
        f.feedbackCount(), f.feedbackRejected());
  }

  /**
   * Submitted through VNeID: about a third, on every channel (the flag of a counter dossier must not count: only
   * online dossiers make the share).
   */
  private static boolean vneid(int h) {
    return (h / 11) % 3 == 0;
  }

  /** Stopped dossiers: withdrawn, refused, stopped unpaid, or imported without a reason. */
  private static String stopReason(int status, int h) {
    return status != 8 ? null : new String[] {"WITHDRAWN", "REFUSED", "UNPAID_STOPPED", null}[(h / 7) % 4];
  }

  /** Writes the row only: the event published next carries the counters, as the dossier's use cases do. */
  private void insertWithoutCounts(DossierFacts f) {
    jdbc.update("""
        insert into dossier (id, version, code, procedure_code, procedure_name, procedure_field, online_level,
          duration_value, duration_unit, fee_vnd, agency_code, agency_path, channel, status, applicant_name,
          applicant_id_number, submitted_at, supplement_count, due_soon, overdue)
        values ((select coalesce(max(id), 0) + 1000000 from dossier), 0, ?, ?, 'Thủ tục thử', ?, ?, 5, 'WORKING_DAYS',
          ?, ?, ?, ?, ?, 'x', '', ?, 0, false, false)
        """, f.code(), f.procedureCode(), f.field(), f.onlineLevel().name(), f.feeVnd(), f.agencyCode(),
        f.agencyPath(), f.channel(), f.status(), Timestamp.valueOf(f.submittedAt()));
    update(f);
  }

  private void update(DossierFacts f) {
    jdbc.update("""
        update dossier set status = ?, received_at = ?, due_at = ?, finished_at = ?, returned_at = ?, ended_at = ?,
          timeliness = ?, supplement_count = ?, components_digitized = ?, components_supplied = ?,
          components_reused = ?, result_digitized = ?, paid_online = ?, stop_reason = ?, vneid_verified = ?,
          satisfaction_rating = ?, feedback_count = ?, feedback_rejected = ?
          where code = ?
        """, f.status(), ts(f.receivedAt()), ts(f.dueAt()), ts(f.finishedAt()), ts(f.returnedAt()), ts(f.endedAt()),
        f.timeliness() == null ? null : f.timeliness().name(), f.supplementCount(), f.componentsDigitized(),
        f.componentsSupplied(), f.componentsReused(), f.resultDigitized(), f.paidOnline(), f.stopReason(),
        f.vneidVerified(), f.satisfactionRating(), f.feedbackCount(), f.feedbackRejected(), f.code());
  }

  private static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }
}
