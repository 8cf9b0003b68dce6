package org.motcua.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.motcua.common.Problems;
import org.motcua.dossier.DossierFactsView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the register from the dossier side's projection ({@link DossierFactsView}) over the reception-time index; the
 * CSV export streams it row by row.
 */
@Component
class RegisterQuery {

  private static final String WHERE = "from " + DossierFactsView.NAME
      + " where received_at >= :from and received_at < :to and agency_path like :agencyPattern\n";
  private static final String SELECT = """
      select code, procedure_code, procedure_name, agency_code, channel, status, received_at, due_at, ended_at,
        returned_at, timeliness
      """ + WHERE + " order by received_at, code";

  private final NamedParameterJdbcTemplate jdbc;
  private final Problems problems;

  RegisterQuery(NamedParameterJdbcTemplate jdbc, Problems problems) {
    this.jdbc = jdbc;
    this.problems = problems;
  }

  Register page(LocalDate from, LocalDate to, String agency, int page, int size) {
    MapSqlParameterSource params = params(from, to, agency);
    Long total = jdbc.queryForObject("select count(*) " + WHERE, params, Long.class);
    params.addValue("limit", size).addValue("offset", (long) page * size);
    long[] number = {(long) page * size};
    List<Register.Entry> items = jdbc.query(SELECT + " limit :limit offset :offset", params,
        (rs, n) -> entry(rs, ++number[0]));
    return new Register(from, to, agency, page, size, total == null ? 0 : total, items);
  }

  /** Every entry, one at a time (nothing accumulates in memory). */
  void each(LocalDate from, LocalDate to, String agency, Consumer<Register.Entry> consumer) {
    long[] number = {0};
    jdbc.query(SELECT, params(from, to, agency), rs -> {
      consumer.accept(entry(rs, ++number[0]));
    });
  }

  private Register.Entry entry(ResultSet rs, long number) throws SQLException {
    int channel = rs.getInt("channel");
    int status = rs.getInt("status");
    String timeliness = rs.getString("timeliness");
    return new Register.Entry(number, rs.getString("code"), rs.getString("procedure_code"),
        rs.getString("procedure_name"), rs.getString("agency_code"), channel,
        problems.message("report.channel." + channel), status, problems.message("dossier.status." + status),
        time(rs, "received_at"), time(rs, "due_at"), time(rs, "ended_at"), time(rs, "returned_at"),
        timeliness == null ? null : problems.message("report.timeliness." + timeliness));
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }

  private static MapSqlParameterSource params(LocalDate from, LocalDate to, String agency) {
    return new MapSqlParameterSource()
        .addValue("from", Timestamp.valueOf(from.atStartOfDay()))
        .addValue("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
        .addValue("agencyPattern", SummaryQuery.agencyPattern(agency));
  }
}
