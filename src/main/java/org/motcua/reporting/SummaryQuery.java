package org.motcua.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes the summary by scanning the dossiers of the period in one pass (the raw path). One SQL statement, portable
 * across H2 and PostgreSQL; every condition is written as DOMAIN.md states it.
 */
@Component
class SummaryQuery {

  private static final String SQL = """
      select
        count(case when received_at >= :from and received_at < :to then 1 end) as received,
        count(case when received_at >= :from and received_at < :to and channel = 2 then 1 end) as received_online,
        count(case when received_at >= :from and received_at < :to and online_level <> 'NONE' then 1 end) as offered,
        count(case when received_at >= :from and received_at < :to and online_level <> 'NONE' and channel = 2 then 1 end)
          as offered_online,
        count(case when received_at >= :from and received_at < :to and online_level = 'FULL' then 1 end) as full_offered,
        count(case when received_at >= :from and received_at < :to and online_level = 'FULL' and channel = 2 then 1 end)
          as full_online,
        count(case when ended_at < :to then 1 end) as finished,
        count(case when ended_at < :to and timeliness = 'EARLY' then 1 end) as finished_early,
        count(case when ended_at < :to and timeliness = 'ON_TIME' then 1 end) as finished_on_time,
        count(case when ended_at < :to and timeliness = 'LATE' then 1 end) as finished_late,
        count(case when ended_at is null or ended_at >= :to then 1 end) as in_progress,
        count(case when (ended_at is null or ended_at >= :to) and (due_at < :judged or supplement_count > 1) then 1 end)
          as in_progress_overdue
      from dossier
      where received_at < :to
        and (ended_at is null or ended_at >= :from or received_at >= :from)
        and agency_path like :agencyPattern
      """;

  private final NamedParameterJdbcTemplate jdbc;

  SummaryQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param judgedAt the instant unfinished dossiers are judged at: the period's end, or now if it has not ended
   */
  Summary summarize(LocalDate from, LocalDate to, String agency, LocalDateTime judgedAt) {
    LocalDateTime start = from.atStartOfDay();
    LocalDateTime end = to.plusDays(1).atStartOfDay();
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("from", Timestamp.valueOf(start))
        .addValue("to", Timestamp.valueOf(end))
        .addValue("judged", Timestamp.valueOf(judgedAt))
        .addValue("agencyPattern", agency == null ? "%" : "%/" + agency + "/%");
    Map<String, Object> row = jdbc.queryForMap(SQL, params);
    long finished = count(row, "finished");
    long early = count(row, "finished_early");
    long onTime = count(row, "finished_on_time");
    long inProgress = count(row, "in_progress");
    long overdue = count(row, "in_progress_overdue");
    return new Summary(from, to, agency,
        count(row, "received"),
        count(row, "received_online"),
        rate(count(row, "offered_online"), count(row, "offered")),
        rate(count(row, "full_online"), count(row, "full_offered")),
        finished, early, onTime, count(row, "finished_late"),
        inProgress, overdue,
        rate(early + onTime + inProgress - overdue, finished + inProgress));
  }

  private static long count(Map<String, Object> row, String column) {
    Object value = row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
        .findFirst().map(Map.Entry::getValue).orElseThrow();
    return ((Number) value).longValue();
  }

  static Double rate(long numerator, long denominator) {
    return denominator == 0 ? null : (double) numerator / denominator;
  }
}
