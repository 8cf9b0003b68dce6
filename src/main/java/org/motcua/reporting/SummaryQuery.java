package org.motcua.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.motcua.dossier.DossierFactsView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The raw path: counts by scanning the dossiers of the period in one pass, over the dossier side's projection
 * {@link DossierFactsView} (the facts {@link DayContribution} counts from). One SQL statement, portable across H2 and
 * PostgreSQL; every condition is written as DOMAIN.md states it. It is the reference the aggregate path
 * ({@link AggregateQuery}) is tested against, and the "plain GROUP BY" of the benchmark.
 *
 * <p>It states the indicators a second time on purpose, and must stay so: the counting rule lives once, in
 * {@link DayContribution} (the day buckets, which the back-fill migrations V3, V7 and V9 are checked against by
 * {@code BackfillMatchesDayContributionTest}), and this independent statement of the same definitions, from the
 * dossiers' own columns rather than from buckets, is what {@code AggregateMatchesRawScanTest} compares it with on
 * random data. Deriving one from the other would leave the test comparing the rule with itself.
 */
@Component
class SummaryQuery {

  private static final String SQL = """
      select %s as grp,
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
          as in_progress_overdue,
        count(case when received_at >= :from and received_at < :to and components_digitized then 1 end)
          as components_digitized,
        sum(case when received_at >= :from and received_at < :to then components_supplied else 0 end)
          as components_supplied,
        sum(case when received_at >= :from and received_at < :to then components_reused else 0 end)
          as components_reused,
        count(case when ended_at < :to and result_digitized then 1 end) as result_digitized,
        count(case when received_at >= :from and received_at < :to and fee_vnd > 0 then 1 end) as fee_dossiers,
        count(case when received_at >= :from and received_at < :to and paid_online then 1 end) as paid_online,
        count(case when ended_at < :to and stop_reason = 'WITHDRAWN' then 1 end) as withdrawn,
        count(case when ended_at < :to and stop_reason = 'REFUSED' then 1 end) as refused,
        count(case when received_at >= :from and received_at < :to and channel = 2 and vneid_verified then 1 end)
          as received_online_vneid,
        count(case when %s then 1 end) as dissatisfied
      """ + "from " + DossierFactsView.NAME + "\n" + """
      where received_at < :to
        and (ended_at is null or ended_at >= :from or received_at >= :from)
        and agency_path like :agencyPattern
      %s
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final SatisfactionRule rule;

  SummaryQuery(NamedParameterJdbcTemplate jdbc, SatisfactionRule rule) {
    this.jdbc = jdbc;
    this.rule = rule;
  }

  /**
   * @param judgedAt the instant unfinished dossiers are judged at: the period's end, or now if it has not ended
   */
  Summary summarize(LocalDate from, LocalDate to, String agency, LocalDateTime judgedAt) {
    return tally(from, to, agency, judgedAt, null).getOrDefault("", Tally.ZERO).toSummary(from, to, agency);
  }

  /**
   * The tallies per value of {@code groupColumn} (or one tally under the key "" when null).
   *
   * @param agency the agency whose subtree (by the path each dossier was received under) is counted; null for all
   */
  Map<String, Tally> tally(LocalDate from, LocalDate to, String agency, LocalDateTime judgedAt, String groupColumn) {
    return tally(from, to, ReportScope.subtree(agency), judgedAt, groupColumn);
  }

  /** The same over the dossiers the scope admits (its LIKE patterns over the path each was received under). */
  Map<String, Tally> tally(LocalDate from, LocalDate to, ReportScope scope, LocalDateTime judgedAt,
      String groupColumn) {
    // Every row the WHERE keeps is in the timeliness scope (received before the end, not ended before the start).
    String sql = scope.apply(SQL.formatted(groupColumn == null ? "''" : groupColumn, rule.sqlCondition(),
        groupColumn == null ? "" : "group by " + groupColumn));
    MapSqlParameterSource params = scope.bind(new MapSqlParameterSource()
        .addValue("from", Timestamp.valueOf(from.atStartOfDay()))
        .addValue("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
        .addValue("judged", Timestamp.valueOf(judgedAt)));
    Map<String, Tally> result = new LinkedHashMap<>();
    jdbc.query(sql, params, rs -> {
      result.put(String.valueOf(rs.getObject("grp")), new Tally(
          rs.getLong("received"), rs.getLong("received_online"), rs.getLong("offered"), rs.getLong("offered_online"),
          rs.getLong("full_offered"), rs.getLong("full_online"), rs.getLong("finished"),
          rs.getLong("finished_early"), rs.getLong("finished_on_time"), rs.getLong("finished_late"),
          rs.getLong("in_progress"), rs.getLong("in_progress_overdue"), rs.getLong("components_digitized"),
          rs.getLong("components_supplied"), rs.getLong("components_reused"), rs.getLong("result_digitized"),
          rs.getLong("fee_dossiers"), rs.getLong("paid_online"), rs.getLong("withdrawn"), rs.getLong("refused"),
          rs.getLong("received_online_vneid"), rs.getLong("dissatisfied")));
    });
    return result;
  }

  long countDossiers() {
    Long n = jdbc.getJdbcTemplate().queryForObject("select count(*) from " + DossierFactsView.NAME, Long.class);
    return n == null ? 0 : n;
  }

  static Double rate(long numerator, long denominator) {
    return Tally.rate(numerator, denominator);
  }
}
