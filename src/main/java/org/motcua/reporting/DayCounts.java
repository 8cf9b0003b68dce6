package org.motcua.reporting;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.util.ArrayList;
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

/**
 * Keeps {@code report_day} up to date. The listener runs synchronously inside the transaction that changed the
 * dossier (see {@link DossierChanged}), so the counters commit or roll back with it: nothing lost, nothing twice.
 * Increments are upserts (PostgreSQL {@code on conflict}, H2 {@code merge}) so concurrent changes to the same
 * bucket add up instead of failing on the unique key.
 */
@Component
class DayCounts {

  private static final String KEY_COLUMNS =
      "bucket_day, agency_path, procedure_code, procedure_field, channel, online_level, multi_supplement";
  private static final String COUNTERS = String.join(", ", DayContribution.COLUMNS);

  private final JdbcTemplate jdbc;
  private final String upsert;

  DayCounts(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.upsert = isPostgres(dataSource) ? postgresUpsert() : h2Merge();
  }

  @EventListener
  void on(DossierChanged change) {
    add(DayContribution.change(change.before(), change.after()));
  }

  /** Adds the deltas, in key order (see {@link DayContribution.Key#compareTo}). */
  void add(Map<DayContribution.Key, long[]> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(deltas.size());
    new TreeMap<>(deltas).forEach((k, c) -> {
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
      rows.add(row);
    });
    jdbc.batchUpdate(upsert, rows);
  }

  private static String postgresUpsert() {
    String placeholders = Stream.generate(() -> "?").limit(7 + DayContribution.COLUMNS.length)
        .collect(Collectors.joining(", "));
    String updates = Stream.of(DayContribution.COLUMNS).map(c -> c + " = report_day." + c + " + excluded." + c)
        .collect(Collectors.joining(", "));
    return "insert into report_day (" + KEY_COLUMNS + ", " + COUNTERS + ") values (" + placeholders + ") "
        + "on conflict (" + KEY_COLUMNS + ") do update set " + updates;
  }

  private static String h2Merge() {
    String values = "cast(? as date), cast(? as varchar(400)), cast(? as varchar(60)), cast(? as varchar(200)), "
        + "cast(? as integer), cast(? as varchar(10)), cast(? as boolean), "
        + Stream.generate(() -> "cast(? as bigint)").limit(DayContribution.COLUMNS.length)
        .collect(Collectors.joining(", "));
    String on = Stream.of(KEY_COLUMNS.split(", ")).map(c -> "t." + c + " = s." + c)
        .collect(Collectors.joining(" and "));
    String updates = Stream.of(DayContribution.COLUMNS).map(c -> c + " = t." + c + " + s." + c)
        .collect(Collectors.joining(", "));
    String inserted = Stream.of((KEY_COLUMNS + ", " + COUNTERS).split(", ")).map(c -> "s." + c)
        .collect(Collectors.joining(", "));
    return "merge into report_day t using (values (" + values + ")) s (" + KEY_COLUMNS + ", " + COUNTERS + ") on "
        + on + " when matched then update set " + updates
        + " when not matched then insert (" + KEY_COLUMNS + ", " + COUNTERS + ") values (" + inserted + ")";
  }

  static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }
}
