package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.DurationUnit;
import org.motcua.catalog.OnlineLevel;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.ImportedDossiers;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.motcua.dossier.Timeliness;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counting rule lives once, in {@link DayContribution}. The migrations that counted the dossiers already there
 * when a counter was introduced (V3: received, due, ended by timeliness, settled; V7: digitization, reuse, fees,
 * online payments; V9: withdrawn, refused, and the monthly roll-up) ran once and cannot change (Flyway checksums), so
 * they are checked against it here: their back-fill statements, read from the migration files and run as written on
 * dossiers that cover every case, must leave exactly the {@code report_day} and {@code report_month} rows that the
 * live path ({@link DayContribution} written by {@link DayCounts}) leaves for the same dossiers.
 *
 * <p>The statements are run with the dossier table narrowed to this test's dossiers (the rows inserted in its own
 * transaction, which it rolls back); V9's derivation of {@code stop_reason} from the history events is a data fix, not
 * the counting rule, and these dossiers carry their stop reason already, so it is not run.
 */
@MotcuaTest
class BackfillMatchesDayContributionTest {

  private static final String PATH = "/BF.R/";
  private static final String[] BACKFILLS = {"V3__report_day_counts.sql", "V7__report_digitization_and_payment.sql",
      "V9__report_stop_reason_and_month.sql", "V69__report_month_every_counter.sql"};
  private static final String DAY_KEY =
      "bucket_day, agency_path, procedure_code, procedure_field, channel, online_level, multi_supplement";
  private static final String MONTH_KEY =
      "bucket_month, agency_path, procedure_code, procedure_field, channel, online_level, multi_supplement";

  @Autowired
  ImportedDossiers dossiers;
  @Autowired
  DayCounts counts;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @Test
  void theBackfillMigrationsCountAsDayContribution() {
    long seed = Long.getLong("motcua.test.seed", System.nanoTime());
    List<DossierFacts> facts = new ArrayList<>(cases());
    Random random = new Random(seed);
    for (int i = 0; i < 300; i++) {
      facts.add(random(random, "BF-R" + i));
    }
    Map<DayContribution.Key, long[]> expected = new HashMap<>();
    facts.forEach(f -> DayContribution.addTo(expected, f, 1));
    expected.values().removeIf(c -> Arrays.stream(c).allMatch(v -> v == 0));
    // Every counter is exercised, and both sides of the multi-supplement split.
    for (int counter = 0; counter < DayContribution.COLUMNS.length; counter++) {
      if (counter == DayContribution.RECEIVED_VNEID) {
        // V74 added it with nothing to back-fill: no dossier before it was submitted through an identity provider
        // (dossiers of that time are not VNeID-verified, so both sides count zero here).
        continue;
      }
      if (counter == DayContribution.DISSATISFIED_RECEIVED || counter == DayContribution.DISSATISFIED_ENDED) {
        // V78 added them without a back-fill statement: SatisfactionRecount counts them at start-up (checked against
        // the live path by SatisfactionIndicatorTest); imported dossiers carry no rating or feedback (zero here).
        continue;
      }
      int c = counter;
      assertThat(expected.values().stream().anyMatch(v -> v[c] > 0))
          .as("cases cover %s", DayContribution.COLUMNS[counter]).isTrue();
    }
    assertThat(expected.keySet()).extracting(DayContribution.Key::multiSupplement).contains(true, false);

    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(status -> {
      status.setRollbackOnly();
      long before = jdbc.queryForObject("select coalesce(max(id), 0) from dossier", Long.class);
      dossiers.insert(facts.stream().map(f -> new ImportedDossier(f, "Thủ tục thử", 5)).toList());
      jdbc.update("delete from report_day");
      jdbc.update("delete from report_month");
      for (String file : BACKFILLS) {
        for (String statement : backfillStatements(file)) {
          jdbc.execute(narrowed(statement, before));
        }
      }
      Map<String, List<Long>> backfilledDays = rows("report_day", DAY_KEY, DayContribution.COLUMNS);
      Map<String, List<Long>> backfilledMonths = rows("report_month", MONTH_KEY, DayCounts.MONTH_COLUMNS);

      jdbc.update("delete from report_day");
      jdbc.update("delete from report_month");
      counts.add(expected);
      Map<String, List<Long>> liveDays = rows("report_day", DAY_KEY, DayContribution.COLUMNS);
      Map<String, List<Long>> liveMonths = rows("report_month", MONTH_KEY, DayCounts.MONTH_COLUMNS);

      assertThat(liveDays).as("the live path wrote one row per bucket").hasSize(expected.size());
      assertThat(backfilledDays).as("seed %d: report_day back-filled by V3, V7, V9 vs DayContribution", seed)
          .isEqualTo(liveDays);
      assertThat(backfilledMonths).as("seed %d: report_month back-filled by V9 vs DayCounts' roll-up", seed)
          .isEqualTo(liveMonths);
    });
  }

  /**
   * The statements of a migration that fill the aggregates: inserts into and updates of report_day, report_month, and
   * V69's emptying of report_month before its rebuild.
   */
  private static List<String> backfillStatements(String file) {
    String text;
    try (InputStream in = BackfillMatchesDayContributionTest.class.getResourceAsStream("/db/migration/" + file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder code = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      String s = statement.strip();
      String head = s.toLowerCase(Locale.ROOT);
      if (head.startsWith("insert into report_") || head.startsWith("update report_")
          || head.startsWith("delete from report_month")) {
        statements.add(s);
      }
    }
    assertThat(statements).as("back-fill statements of %s", file).isNotEmpty();
    return statements;
  }

  private static final Pattern FROM_DOSSIER = Pattern.compile("\\bfrom\\s+dossier\\b(\\s+d\\b)?",
      Pattern.CASE_INSENSITIVE);

  /** The statement with each read of the dossier table narrowed to the dossiers inserted after id {@code before}. */
  private static String narrowed(String statement, long before) {
    Matcher m = FROM_DOSSIER.matcher(statement);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String alias = m.group(1) == null ? " dossier" : m.group(1);
      m.appendReplacement(out, Matcher.quoteReplacement(
          "from (select * from dossier where id > " + before + ")" + alias));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** This test's rows of an aggregate table, by key, without all-zero rows. */
  private Map<String, List<Long>> rows(String table, String key, String[] columns) {
    Map<String, List<Long>> rows = new TreeMap<>();
    jdbc.query("select " + key + ", " + String.join(", ", columns) + " from " + table + " where agency_path like ?",
        rs -> {
          List<Long> counters = new ArrayList<>();
          for (String column : columns) {
            counters.add(rs.getLong(column));
          }
          if (counters.stream().anyMatch(c -> c != 0)) {
            StringBuilder k = new StringBuilder();
            for (String column : key.split(", ")) {
              k.append(rs.getString(column)).append('|');
            }
            rows.put(k.toString(), counters);
          }
        }, PATH + "%");
    return rows;
  }

  /** Hand-picked cases: each branch of the rule, and dates on both sides of a day and of a month. */
  private static List<DossierFacts> cases() {
    LocalDateTime t = LocalDateTime.of(1991, 1, 31, 9, 0);
    List<DossierFacts> cases = new ArrayList<>();
    // Never received (submitted online, not yet accepted; refused at reception): in no indicator.
    cases.add(facts("BF-C1", 1, t, null, null, null, 0, null, false, 0, 0, false, 0, false));
    cases.add(facts("BF-C2", 3, t, null, null, null, 2, null, true, 2, 1, true, 50_000, true));
    // Open: due in the next month; due the same day; more than one supplement request.
    cases.add(facts("BF-C3", 4, t, t.plusDays(3), null, null, 0, null, true, 3, 1, false, 50_000, true));
    cases.add(facts("BF-C4", 5, t, t.withHour(17), null, null, 1, null, false, 1, 0, true, 0, false));
    cases.add(facts("BF-C5", 5, t, t.plusDays(1), null, null, 2, null, true, 1, 1, false, 50_000, true));
    // Received without a due date (open and ended): no due, no settled.
    cases.add(facts("BF-C6", 4, t, null, null, null, 0, null, false, 0, 0, false, 0, false));
    cases.add(facts("BF-C7", 10, t, null, t.plusDays(2), null, 0, null, false, 0, 0, true, 0, false));
    // Ended early (in the next month), on time (the due day), late (after the due day), late by supplements.
    cases.add(facts("BF-C8", 10, t, t.plusDays(5), t.plusDays(1), null, 0, null, true, 2, 2, true, 50_000, true));
    cases.add(facts("BF-C9", 9, t, t.plusDays(5), t.plusDays(5).minusHours(2), null, 1, null, false, 1, 0, false,
        0, false));
    cases.add(facts("BF-C10", 10, t, t.plusDays(1), t.plusDays(3), null, 0, null, true, 0, 0, true, 50_000, false));
    cases.add(facts("BF-C11", 10, t, t.plusDays(4), t.plusDays(1), null, 3, null, false, 0, 0, true, 0, true));
    // Stopped: withdrawn, refused, unpaid, without a reason (imported); one ended on its reception day.
    cases.add(facts("BF-C12", 8, t, t.plusDays(4), t.plusDays(2), null, 0, "WITHDRAWN", true, 1, 1, false, 50_000,
        true));
    cases.add(facts("BF-C13", 8, t, t.plusDays(4), t.plusHours(3), null, 2, "REFUSED", false, 0, 0, false, 0,
        false));
    cases.add(facts("BF-C14", 8, t, t.plusDays(4), t.plusDays(9), null, 0, "UNPAID_STOPPED", false, 0, 0, false,
        50_000, false));
    cases.add(facts("BF-C15", 8, t, t.plusDays(4), t.plusDays(1), null, 1, null, true, 0, 0, false, 0, false));
    // Ended without timeliness (as a stopped dossier of the old system may be), with a digitized result.
    DossierFacts c16 = facts("BF-C16", 8, t, t.plusDays(4), t.plusDays(1), null, 0, "REFUSED", false, 0, 0, true,
        0, false);
    cases.add(with(c16, null));
    // Two dossiers in the same buckets add up.
    cases.add(facts("BF-C17", 10, t, t.plusDays(5), t.plusDays(1), null, 0, null, true, 2, 2, true, 50_000, true));
    return cases;
  }

  /** A dossier in a random state, as AggregateMatchesRawScanTest draws them, over 1990–1992. */
  private static DossierFacts random(Random random, String code) {
    LocalDateTime submitted = LocalDateTime.of(1990, 1, 1, 0, 0).plusMinutes(random.nextInt(3 * 365 * 24 * 60));
    int supplements = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(3);
    int kind = random.nextInt(10);
    boolean digitized = random.nextBoolean();
    int supplied = random.nextInt(3);
    int reused = random.nextInt(supplied + 1);
    boolean resultDigitized = random.nextBoolean();
    long fee = random.nextBoolean() ? 50_000 : 0;
    boolean paidOnline = fee > 0 && random.nextBoolean();
    if (kind == 0) {
      return facts(code, random.nextBoolean() ? 1 : 3, submitted, null, null, null, supplements, null, digitized,
          supplied, reused, resultDigitized, fee, paidOnline);
    }
    LocalDateTime received = submitted.plusMinutes(random.nextInt(3 * 24 * 60));
    LocalDateTime due = random.nextInt(10) == 0 ? null
        : received.plusDays(random.nextInt(30)).plusMinutes(random.nextInt(8 * 60));
    if (kind <= 3) {
      return facts(code, 2 + random.nextInt(2) * 2, received, due, null, null, supplements, null, digitized,
          supplied, reused, resultDigitized, fee, paidOnline);
    }
    LocalDateTime ended = received.plusMinutes(random.nextInt(40 * 24 * 60));
    int status = 8 + random.nextInt(3);
    String stopReason = status != 8 ? null
        : new String[] {"WITHDRAWN", "REFUSED", "UNPAID_STOPPED", null}[random.nextInt(4)];
    return facts(code, status, received, due, ended, status == 10 ? ended.plusHours(2) : null, supplements,
        stopReason, digitized, supplied, reused, resultDigitized, fee, paidOnline);
  }

  /**
   * A dossier of the test's procedure and agency. Channel and online level vary with the code, so that the key's
   * every part takes several values; timeliness is classified as for live dossiers.
   */
  private static DossierFacts facts(String code, int status, LocalDateTime received, LocalDateTime due,
      LocalDateTime ended, LocalDateTime returned, int supplements, String stopReason, boolean digitized,
      int supplied, int reused, boolean resultDigitized, long fee, boolean paidOnline) {
    int h = Math.abs(code.hashCode());
    OnlineLevel level = OnlineLevel.values()[h % OnlineLevel.values().length];
    String procedure = "BF.P" + (h % 3);
    String path = h % 2 == 0 ? PATH : PATH + "BF.A/";
    String agency = path.equals(PATH) ? "BF.R" : "BF.A";
    boolean isReceived = status != 1 && status != 3;
    Timeliness timeliness = ended == null ? null
        : due == null ? Timeliness.EARLY : Timeliness.classify(ended, due, supplements);
    LocalDateTime submitted = received.minusHours(1);
    return new DossierFacts(code, procedure, "Lĩnh vực " + (h % 2), level, fee, agency, path, 1 + h % 3, status,
        submitted, isReceived ? received : null, isReceived ? due : null, status == 8 ? null : ended, returned,
        ended, timeliness, supplements, DurationUnit.WORKING_DAYS, digitized, supplied, reused, resultDigitized,
        paidOnline, stopReason);
  }

  private static DossierFacts with(DossierFacts f, Timeliness timeliness) {
    return new DossierFacts(f.code(), f.procedureCode(), f.field(), f.onlineLevel(), f.feeVnd(), f.agencyCode(),
        f.agencyPath(), f.channel(), f.status(), f.submittedAt(), f.receivedAt(), f.dueAt(), f.finishedAt(),
        f.returnedAt(), f.endedAt(), timeliness, f.supplementCount(), f.durationUnit(), f.componentsDigitized(),
        f.componentsSupplied(), f.componentsReused(), f.resultDigitized(), f.paidOnline(), f.stopReason());
  }
}
