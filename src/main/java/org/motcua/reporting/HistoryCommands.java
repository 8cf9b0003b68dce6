package org.motcua.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.motcua.calendar.WorkingCalendar;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.motcua.dossier.Timeliness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two commands for the command line (not started otherwise):
 * <pre>
 * java -jar motcua.jar generate --dossiers=1000000 --year=2024 [--online-share=0.883] [--late-share=0.05]
 *      [--supplement-share=0.10] [--open-share=0.03] [--seed=1]
 * java -jar motcua.jar benchmark [--queries=200] [--raw-queries=20]
 * </pre>
 * {@code generate} bulk-loads synthetic history (the dossier side's JDBC batches,
 * {@link org.motcua.dossier.ImportedDossiers}, through {@link HistoryRows}, with the day counters, no engine); the
 * defaults are the seed province's figures (Hậu Giang 2023: 88.3 % online; on-time target 95 %).
 * {@code benchmark} times random summaries and agency breakdowns on the aggregates beside the raw scan (a plain
 * GROUP BY over the dossier side's {@code dossier_facts} view) on the same data, and prints median and p99. Both
 * exit when done.
 */
@Component
class HistoryCommands implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(HistoryCommands.class);
  private static final int BATCH = 5000;

  private final HistoryRows rows;
  private final AggregateQuery aggregates;
  private final SummaryQuery raw;
  private final Catalog catalog;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final ConfigurableApplicationContext context;
  private final javax.sql.DataSource dataSource;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  HistoryCommands(HistoryRows rows, AggregateQuery aggregates, SummaryQuery raw, Catalog catalog,
      WorkingCalendar calendar, Clock clock, PlatformTransactionManager transactions,
      ConfigurableApplicationContext context, javax.sql.DataSource dataSource,
      org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.rows = rows;
    this.aggregates = aggregates;
    this.raw = raw;
    this.catalog = catalog;
    this.calendar = calendar;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> commands = args.getNonOptionArgs();
    if (commands.isEmpty() || !List.of("generate", "benchmark").contains(commands.get(0))) {
      return;
    }
    if (commands.get(0).equals("generate")) {
      generate(args);
    } else {
      benchmark(args);
    }
    System.exit(SpringApplication.exit(context, () -> 0));
  }

  private void generate(ApplicationArguments args) {
    long count = number(args, "dossiers", 141_989);
    int year = (int) number(args, "year", 2023);
    double online = fraction(args, "online-share", 0.883);
    double late = fraction(args, "late-share", 0.05);
    double supplement = fraction(args, "supplement-share", 0.10);
    double open = fraction(args, "open-share", 0.03);
    Random random = new Random(number(args, "seed", 1));
    List<Procedure> procedures = catalog.procedures();
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
    LocalDateTime now = LocalDateTime.now(clock);
    long started = System.nanoTime();
    List<ImportedDossier> batch = new ArrayList<>(BATCH);
    for (long i = 0; i < count; i++) {
      Procedure p = procedures.get(random.nextInt(procedures.size()));
      int channel = p.onlineLevel().offeredOnline() && random.nextDouble() < online ? 2
          : random.nextInt(4) == 0 ? 3 : 1;
      // Reception in office hours on a day of the year, in date order as a real history grows.
      LocalDate day = LocalDate.of(year, 1, 1).plusDays(i * 365 / count);
      LocalDateTime received = calendar.normalize(day.atTime(7, 0).plusMinutes(random.nextInt(600)));
      if (received.isAfter(now)) {
        received = now.minusDays(1);
      }
      LocalDateTime due = calendar.due(received, p.duration());
      int supplements = random.nextDouble() < supplement ? (random.nextInt(10) == 0 ? 2 : 1) : 0;
      int status;
      LocalDateTime ended = null;
      if (random.nextDouble() < open) {
        status = 4;
      } else {
        status = random.nextInt(50) == 0 ? 8 : 10;
        long span = Math.max(1, Duration.between(received, due).toMinutes());
        ended = random.nextDouble() < late ? due.plusMinutes(1 + random.nextInt(3 * 24 * 60))
            : received.plusMinutes((long) (random.nextDouble() * span));
        if (ended.isAfter(now)) {
          status = 4;
          ended = null;
        }
      }
      // The agency of the time: a history of 2024 is received by the agencies of 2024, abolished since.
      Agency agency = catalog.agencyOn(p.agencyCode(), received.toLocalDate())
          .orElseGet(() -> catalog.agency(p.agencyCode()).orElseThrow());
      DossierFacts facts = new DossierFacts("GEN-" + run + "-" + i, p.code(), p.field(), p.onlineLevel(), p.feeVnd(),
          agency.code(), catalog.path(agency.code()), channel, status, received.minusHours(1), received, due,
          status == 10 ? ended : null, status == 10 ? ended.plusHours(2) : null, ended,
          ended == null ? null : Timeliness.classify(ended, due, supplements), supplements, p.duration().unit(),
          random.nextDouble() < 0.9, 0, 0, status == 10 && random.nextDouble() < 0.8,
          p.feeVnd() > 0 && channel == 2 && random.nextDouble() < 0.3,
          status == 8 ? (random.nextBoolean() ? "WITHDRAWN" : "REFUSED") : null);
      batch.add(new ImportedDossier(facts, p.name(), p.duration().value()));
      if (batch.size() == BATCH) {
        write(batch);
        if ((i + 1) % 100_000 == 0) {
          log.info("generate: {} dossiers", i + 1);
        }
      }
    }
    write(batch);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "generate: %,d dossiers for %d in %.1f s (%.0f dossiers/s)%n", count, year,
        seconds, count / seconds);
    long c0 = System.nanoTime();
    compact();
    System.out.printf(Locale.ROOT, "generate: aggregates compacted and statistics refreshed in %.1f s%n",
        (System.nanoTime() - c0) / 1e9);
  }

  /**
   * After a bulk load: each batch updated the same day buckets again, which on PostgreSQL leaves report_day several
   * times its live size (dead row versions) until rewritten; the summary scans report_day, so it is rewritten here
   * (VACUUM FULL, an exclusive lock for a second or two, acceptable for an offline load) and the planner's
   * statistics refreshed. H2 only needs the statistics.
   */
  private void compact() {
    if (DayCounts.isPostgres(dataSource)) {
      jdbc.execute("vacuum full analyze report_day");
      jdbc.execute("vacuum full analyze report_month");
      rows.analyzeAfterBulkLoad();
    } else {
      jdbc.execute("analyze");
    }
  }

  private void write(List<ImportedDossier> batch) {
    tx.executeWithoutResult(s -> rows.insert(batch));
    batch.clear();
  }

  private void benchmark(ApplicationArguments args) {
    int queries = (int) number(args, "queries", 200);
    int rawQueries = (int) number(args, "raw-queries", 20);
    Random random = new Random(number(args, "seed", 7));
    List<String> agencies = new ArrayList<>(catalog.agencies().stream().map(Agency::code).toList());
    agencies.add(null);
    Long dossiers = tx.execute(s -> raw.countDossiers());
    LocalDate today = LocalDate.now(clock);
    Supplier<Object[]> query = () -> {
      LocalDate from = today.minusDays(random.nextInt(3 * 365));
      LocalDate to = from.plusDays(random.nextInt(366));
      return new Object[] {from, to, agencies.get(random.nextInt(agencies.size()))};
    };
    Long buckets = jdbc.queryForObject("select count(*) from report_day", Long.class);
    String database;
    try (java.sql.Connection c = dataSource.getConnection()) {
      database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    System.out.printf(Locale.ROOT, "benchmark: %s, %,d dossiers, %,d report_day rows, %d processors, load average "
        + "%.1f; random periods of 1-366 days over the last 3 years, random agency subtree%n", database, dossiers,
        buckets, Runtime.getRuntime().availableProcessors(), loadAverage());
    report("summary, aggregates", queries, query, q -> aggregates.summarize((LocalDate) q[0], (LocalDate) q[1],
        (String) q[2], judged((LocalDate) q[1])));
    report("breakdown by agency, aggregates", queries, query, q -> aggregates.tally((LocalDate) q[0],
        (LocalDate) q[1], (String) q[2], judged((LocalDate) q[1]), "agency_path"));
    report("summary, raw scan (plain GROUP BY)", rawQueries, query, q -> raw.summarize((LocalDate) q[0],
        (LocalDate) q[1], (String) q[2], judged((LocalDate) q[1])));
    report("breakdown by agency, raw scan", rawQueries, query, q -> raw.tally((LocalDate) q[0], (LocalDate) q[1],
        (String) q[2], judged((LocalDate) q[1]), "agency_path"));
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private LocalDateTime judged(LocalDate to) {
    LocalDateTime end = to.plusDays(1).atStartOfDay();
    LocalDateTime now = LocalDateTime.now(clock);
    return now.isBefore(end) ? now : end;
  }

  private void report(String what, int n, Supplier<Object[]> query, java.util.function.Consumer<Object[]> run) {
    for (int i = 0; i < Math.min(3, n); i++) {
      Object[] q = query.get();
      tx.executeWithoutResult(s -> run.accept(q)); // warm-up
    }
    long[] nanos = new long[n];
    Object[][] asked = new Object[n][];
    for (int i = 0; i < n; i++) {
      Object[] q = query.get();
      long t0 = System.nanoTime();
      tx.executeWithoutResult(s -> run.accept(q));
      nanos[i] = System.nanoTime() - t0;
      asked[i] = q;
    }
    // The slowest queries, so that a high p99 can be traced to the periods and agencies that cause it.
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "benchmark: %-36s n=%4d  median %8.1f ms  p99 %8.1f ms  (load average %.1f)%n",
        what, n, sorted[n / 2] / 1e6, sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6, loadAverage());
    for (int i = 0; i < Math.min(3, n); i++) {
      Object[] q = asked[order[i]];
      System.out.printf(Locale.ROOT, "benchmark:   slowest: %8.1f ms  query #%d: %s..%s agency %s%n",
          nanos[order[i]] / 1e6, order[i] + 1, q[0], q[1], q[2] == null ? "(all)" : q[2]);
    }
  }

  private static long number(ApplicationArguments args, String name, long fallback) {
    List<String> values = args.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : Long.parseLong(values.get(0));
  }

  private static double fraction(ApplicationArguments args, String name, double fallback) {
    List<String> values = args.getOptionValues(name);
    return values == null || values.isEmpty() ? fallback : Double.parseDouble(values.get(0));
  }
}
