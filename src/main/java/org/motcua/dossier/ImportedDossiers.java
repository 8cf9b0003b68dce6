package org.motcua.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates dossiers that did not live through the engine (history from a previous system, synthetic history for the
 * benchmark): plain JDBC batches, no process, no history events, and no {@link DossierChanged} (nothing happened to
 * them here, so no notification, outbox row or metric): the caller adds their contribution to the reports in the same
 * transaction. Imported dossiers have no applicant; the mandatory applicant columns say where the row came from.
 */
@Component
public class ImportedDossiers {

  /** The applicant name of every imported dossier. */
  public static final String IMPORTED_APPLICANT = "(nhập từ hệ thống cũ)";

  /** A dossier as it is written: its facts plus the catalog snapshot fields the facts do not carry. */
  public record ImportedDossier(DossierFacts facts, String procedureName, int durationValue) {
  }

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final boolean postgres;
  private final String insert;

  ImportedDossiers(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, DataSource dataSource) {
    this.jdbc = jdbc;
    this.named = named;
    this.postgres = isPostgres(dataSource);
    // Each row takes its own sequence value: safe beside Hibernate's pooled blocks, whose hi value is the one fetched.
    String nextId = postgres ? "nextval('dossier_seq')" : "next value for dossier_seq";
    this.insert = """
        insert into dossier (id, version, code, procedure_code, procedure_name, procedure_field, online_level,
          duration_value, duration_unit, fee_vnd, agency_code, agency_path, channel, status, applicant_name,
          applicant_id_number, submitted_at, received_at, due_at, finished_at, returned_at, ended_at, timeliness,
          supplement_count, due_soon, overdue, components_digitized, components_supplied, components_reused,
          result_digitized, paid_online, stop_reason, vneid_verified)
        values (%s, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?, ?,
          ?)
        """.formatted(nextId);
  }

  /** Inserts the dossiers in one JDBC batch, in the caller's transaction (which must add their counters too). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void insert(List<ImportedDossier> dossiers) {
    if (dossiers.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>(dossiers.size());
    for (ImportedDossier d : dossiers) {
      DossierFacts f = d.facts();
      rows.add(new Object[] {f.code(), f.procedureCode(), d.procedureName(), f.field(), f.onlineLevel().name(),
          d.durationValue(), f.durationUnit().name(), f.feeVnd(), f.agencyCode(), f.agencyPath(), f.channel(),
          f.status(), IMPORTED_APPLICANT, ts(f.submittedAt()), ts(f.receivedAt()), ts(f.dueAt()),
          ts(f.finishedAt()), ts(f.returnedAt()), ts(f.endedAt()),
          f.timeliness() == null ? null : f.timeliness().name(), f.supplementCount(), f.componentsDigitized(),
          f.componentsSupplied(), f.componentsReused(), f.resultDigitized(), f.paidOnline(), f.stopReason(), f.vneidVerified()});
    }
    jdbc.batchUpdate(insert, rows);
  }

  /** The codes among these that are already in the database (imports are idempotent by dossier code). */
  public Set<String> existing(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    if (postgres) {
      // One array parameter: PostgreSQL's generic plan for a 5,000-parameter IN list (prepared statements are reused
      // from the fifth batch on) scanned the table comparing each row with every parameter, 15 s a batch at 80,000
      // dossiers; "= any(array)" keeps the unique index on code.
      return new HashSet<>(jdbc.query(c -> {
        PreparedStatement query = c.prepareStatement("select code from dossier where code = any(?)");
        query.setArray(1, c.createArrayOf("varchar", codes.toArray()));
        return query;
      }, (rs, i) -> rs.getString(1)));
    }
    return new HashSet<>(named.queryForList("select code from dossier where code in (:codes)",
        new MapSqlParameterSource("codes", codes), String.class));
  }

  /** After a bulk load of millions of rows: refreshes PostgreSQL's statistics of the dossier table (H2: nothing). */
  public void analyzeAfterBulkLoad() {
    if (postgres) {
      jdbc.execute("analyze dossier");
    }
  }

  private static Timestamp ts(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database product name", e);
    }
  }
}
