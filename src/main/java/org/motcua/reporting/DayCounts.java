package org.motcua.reporting;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.motcua.dossier.DossierChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code report_day} (and its monthly roll-up {@code report_month}) up to date. The listener runs synchronously inside the transaction that changed the
 * dossier (see {@link DossierChanged}), so the counters commit or roll back with it: nothing lost, nothing twice.
 * A transaction's changes are summed and written just before it commits ({@link Pending}): every dossier of a day,
 * agency and procedure adds to the same rows, so a row locked early (mid-way through the engine's step) would keep
 * every other action on such a dossier waiting until this one commits.
 * Increments are upserts (PostgreSQL {@code on conflict}; H2 {@code merge} under a stripe lock, see
 * {@link #lockStripes}) so concurrent changes to the same bucket add up instead of failing on the unique key.
 */
@Component
class DayCounts {

  private static final String KEY_REST =
      "agency_path, procedure_code, procedure_field, channel, online_level, multi_supplement";
  /**
   * The counters report_month keeps: all of report_day's (V69), so that a period's whole months are read from one row
   * per month, and history before it for the open and overdue balances.
   */
  static final String[] MONTH_COLUMNS = DayContribution.COLUMNS;

  /** Stripes of {@code report_lock} (V14), on H2 only. */
  private static final int LOCK_STRIPES = 64;

  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final String dayUpsert;
  private final String monthUpsert;

  private final SatisfactionRule rule;

  DayCounts(JdbcTemplate jdbc, DataSource dataSource, SatisfactionRule rule) {
    this.jdbc = jdbc;
    this.rule = rule;
    this.postgres = isPostgres(dataSource);
    this.dayUpsert = upsert(postgres, "report_day", "bucket_day", DayContribution.COLUMNS);
    this.monthUpsert = upsert(postgres, "report_month", "bucket_month", MONTH_COLUMNS);
  }

  @EventListener
  void on(DossierChanged change) {
    Map<DayContribution.Key, long[]> deltas = DayContribution.change(change.before(), change.after(), rule);
    if (deltas.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      add(deltas);
      return;
    }
    // Looked up among the current transaction's synchronizations: an inner REQUIRES_NEW transaction gets its own.
    Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(s -> s instanceof Pending p && p.counts() == this).map(Pending.class::cast).findFirst()
        .orElseGet(() -> {
          Pending created = new Pending();
          TransactionSynchronizationManager.registerSynchronization(created);
          return created;
        });
    pending.merge(deltas);
  }

  /** The counter changes of one transaction, written when it is about to commit. */
  private final class Pending implements TransactionSynchronization {

    private final Map<DayContribution.Key, long[]> deltas = new HashMap<>();

    void merge(Map<DayContribution.Key, long[]> more) {
      more.forEach((key, counters) -> {
        long[] sum = deltas.computeIfAbsent(key, k -> new long[counters.length]);
        for (int i = 0; i < counters.length; i++) {
          sum[i] += counters[i];
        }
      });
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      // Changes that cancel out (a status left and re-entered in one action) write nothing.
      deltas.values().removeIf(counters -> java.util.Arrays.stream(counters).allMatch(c -> c == 0));
      add(deltas);
    }

    DayCounts counts() {
      return DayCounts.this;
    }
  }

  /**
   * Adds the deltas to the day buckets and to their months (report_month, the same counters), in key
   * order (see {@link DayContribution.Key#compareTo}).
   */
  void add(Map<DayContribution.Key, long[]> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    List<Object[]> days = new ArrayList<>(deltas.size());
    Map<DayContribution.Key, long[]> months = new TreeMap<>();
    new TreeMap<>(deltas).forEach((k, c) -> {
      days.add(row(k, c));
      if (java.util.Arrays.stream(c).anyMatch(v -> v != 0)) {
        DayContribution.Key month = new DayContribution.Key(k.day().withDayOfMonth(1), k.agencyPath(),
            k.procedureCode(), k.field(), k.channel(), k.onlineLevel(), k.multiSupplement());
        long[] sum = months.computeIfAbsent(month, x -> new long[c.length]);
        for (int i = 0; i < c.length; i++) {
          sum[i] += c[i];
        }
      }
    });
    if (!postgres) {
      lockStripes(deltas.keySet());
    }
    jdbc.batchUpdate(dayUpsert, days);
    if (!months.isEmpty()) {
      List<Object[]> rows = new ArrayList<>(months.size());
      months.forEach((k, c) -> rows.add(row(k, c)));
      jdbc.batchUpdate(monthUpsert, rows);
    }
  }

  /**
   * H2's MERGE is not atomic: two transactions adding the first increment of the same bucket would both insert it,
   * and one fail on the unique key. Each transaction first locks the stripes of its buckets (by day, agency and
   * procedure, so a day's stripe also covers its month's row), in stripe order so no two wait on each other in a
   * circle; the locks last until commit.
   */
  private void lockStripes(java.util.Set<DayContribution.Key> keys) {
    java.util.SortedSet<Integer> stripes = new java.util.TreeSet<>();
    for (DayContribution.Key k : keys) {
      String bucket = k.day().withDayOfMonth(1) + "|" + k.agencyPath() + "|" + k.procedureCode();
      stripes.add(Math.floorMod(bucket.hashCode(), LOCK_STRIPES));
    }
    for (int stripe : stripes) {
      jdbc.queryForObject("select id from report_lock where id = ? for update", Integer.class, stripe);
    }
  }

  private static Object[] row(DayContribution.Key k, long[] c) {
    Object[] row = new Object[7 + c.length];
    row[0] = Date.valueOf(k.day());
    row[1] = k.agencyPath();
    row[2] = k.procedureCode();
    row[3] = k.field();
    row[4] = k.channel();
    row[5] = k.onlineLevel();
    row[6] = k.multiSupplement();
    for (int i = 0; i < c.length; i++) {
      row[7 + i] = c[i];
    }
    return row;
  }

  /** Increments as upserts: PostgreSQL {@code on conflict}, H2 {@code merge}. */
  private static String upsert(boolean postgres, String table, String dateColumn, String[] counterColumns) {
    String keys = dateColumn + ", " + KEY_REST;
    String counters = String.join(", ", counterColumns);
    if (postgres) {
      String placeholders = Stream.generate(() -> "?").limit(7 + counterColumns.length)
          .collect(Collectors.joining(", "));
      String updates = Stream.of(counterColumns).map(c -> c + " = " + table + "." + c + " + excluded." + c)
          .collect(Collectors.joining(", "));
      return "insert into " + table + " (" + keys + ", " + counters + ") values (" + placeholders + ") "
          + "on conflict (" + keys + ") do update set " + updates;
    }
    String values = "cast(? as date), cast(? as varchar(400)), cast(? as varchar(60)), cast(? as varchar(200)), "
        + "cast(? as integer), cast(? as varchar(10)), cast(? as boolean), "
        + Stream.generate(() -> "cast(? as bigint)").limit(counterColumns.length).collect(Collectors.joining(", "));
    String on = Stream.of(keys.split(", ")).map(c -> "t." + c + " = s." + c).collect(Collectors.joining(" and "));
    String updates = Stream.of(counterColumns).map(c -> c + " = t." + c + " + s." + c)
        .collect(Collectors.joining(", "));
    String inserted = Stream.of((keys + ", " + counters).split(", ")).map(c -> "s." + c)
        .collect(Collectors.joining(", "));
    return "merge into " + table + " t using (values (" + values + ")) s (" + keys + ", " + counters + ") on "
        + on + " when matched then update set " + updates
        + " when not matched then insert (" + keys + ", " + counters + ") values (" + inserted + ")";
  }

  static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }
}
