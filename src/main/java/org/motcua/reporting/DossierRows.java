package org.motcua.reporting;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.motcua.dossier.DossierFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Bulk writes of dossiers that did not live through the engine (history from a previous system): plain JDBC batches,
 * no process, no history events, and the same {@link DayContribution} as live changes, committed with the rows.
 */
@Component
class DossierRows {

  /** Imported dossiers have no applicant in the CSV; the columns are mandatory, so they say where the row came from. */
  static final String IMPORTED_APPLICANT = "(nhập từ hệ thống cũ)";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final DayCounts counts;
  private final String insert;

  DossierRows(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, DayCounts counts, DataSource dataSource) {
    this.jdbc = jdbc;
    this.named = named;
    this.counts = counts;
    // Each row takes its own sequence value: safe beside Hibernate's pooled blocks, whose hi value is the one fetched.
    String nextId = DayCounts.isPostgres(dataSource) ? "nextval('dossier_seq')" : "next value for dossier_seq";
    this.insert = """
        insert into dossier (id, version, code, procedure_code, procedure_name, procedure_field, online_level,
          duration_value, duration_unit, fee_vnd, agency_code, agency_path, channel, status, applicant_name,
          applicant_id_number, submitted_at, received_at, due_at, finished_at, returned_at, ended_at, timeliness,
          supplement_count, due_soon, overdue, components_digitized, components_supplied, components_reused,
          result_digitized, paid_online, stop_reason)
        values (%s, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?, ?)
        """.formatted(nextId);
  }

  /** A dossier as it is written: its facts plus the catalog snapshot fields the facts do not carry. */
  record NewDossier(DossierFacts facts, String procedureName, int durationValue) {
  }

  /** Inserts the dossiers and adds their contributions to the day counters, in the caller's transaction. */
  void insert(List<NewDossier> dossiers) {
    if (dossiers.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(dossiers.size());
    Map<DayContribution.Key, long[]> deltas = new HashMap<>();
    for (NewDossier d : dossiers) {
      DossierFacts f = d.facts();
      rows.add(new Object[] {f.code(), f.procedureCode(), d.procedureName(), f.field(), f.onlineLevel().name(),
          d.durationValue(), f.durationUnit().name(), f.feeVnd(), f.agencyCode(), f.agencyPath(), f.channel(),
          f.status(), IMPORTED_APPLICANT, ts(f.submittedAt()), ts(f.receivedAt()), ts(f.dueAt()),
          ts(f.finishedAt()), ts(f.returnedAt()), ts(f.endedAt()),
          f.timeliness() == null ? null : f.timeliness().name(), f.supplementCount(), f.componentsDigitized(),
          f.componentsSupplied(), f.componentsReused(), f.resultDigitized(), f.paidOnline(), f.stopReason()});
      DayContribution.addTo(deltas, f, 1);
    }
    jdbc.batchUpdate(insert, rows);
    counts.add(deltas);
  }

  /** The codes among these that are already in the database (imports are idempotent by dossier code). */
  Set<String> existing(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(named.queryForList("select code from dossier where code in (:codes)",
        new MapSqlParameterSource("codes", codes), String.class));
  }

  private static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }
}
