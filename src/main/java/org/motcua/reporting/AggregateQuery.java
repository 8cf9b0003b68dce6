package org.motcua.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.motcua.dossier.DossierFactsView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fast path: the same tallies as {@link SummaryQuery}, from the {@code report_day} buckets (see V3 and
 * {@link DayContribution}), and from their monthly roll-up {@code report_month} (V9, every counter since V69) for the
 * days before the month of the period's start (or of the judged day, if earlier), where only the balances below are
 * needed, and for the months wholly inside the period and before the judged day's month. With F = the period's first day, T = the day after its last, J = the judged instant
 * (T, or now if earlier) and Jd = J's day, for the dossiers of the scope:
 * <ul>
 *   <li>received (and its channel / online-level splits) = Σ received over days in [F, T);</li>
 *   <li>finished and its timeliness split = Σ ended over days in [F, T) — a dossier ends after it is received, so
 *       "in scope and ended in the period" is exactly "ended in the period";</li>
 *   <li>inProgress = Σ (received − ended) over days before T: received before T and not ended before T;</li>
 *   <li>inProgressOverdue = open with more than one supplement request (Σ (received − ended) of those buckets)
 *       + open with at most one and due before J. The latter is Σ due − Σ settled over days before Jd (due before Jd
 *       and not ended before Jd; a due date is never before reception), minus those of them ended in [Jd, T), plus
 *       those due in [Jd, J) and not ended before T. Both corrections read the dossiers (the dossier side's
 *       projection {@link DossierFactsView}) over a range that is empty when the period has ended (J = T) and
 *       otherwise covers today only, through the due / ended indexes.</li>
 *   <li>dissatisfied (in the timeliness scope) = Σ dissatisfied_ended over days in [F, T) + Σ (dissatisfied_received
 *       − dissatisfied_ended) over days before T, as finished + inProgress.</li>
 * </ul>
 *
 * <p>What a dossier adds to each bucket is {@link DayContribution}'s rule, the only one; the two corrections do not
 * restate it, they only find the dossiers the judged day splits (open with at most one supplement request, due or
 * ended on that day), which the buckets cannot tell apart within a day.
 */
@Component
class AggregateQuery {

  private static final String BUCKETS = """
      select %s as grp,
        sum(case when bucket_day >= :from then received else 0 end) as received,
        sum(case when bucket_day >= :from and channel = 2 then received else 0 end) as received_online,
        sum(case when bucket_day >= :from and online_level <> 'NONE' then received else 0 end) as offered,
        sum(case when bucket_day >= :from and online_level <> 'NONE' and channel = 2 then received else 0 end)
          as offered_online,
        sum(case when bucket_day >= :from and online_level = 'FULL' then received else 0 end) as full_offered,
        sum(case when bucket_day >= :from and online_level = 'FULL' and channel = 2 then received else 0 end)
          as full_online,
        sum(case when bucket_day >= :from then ended else 0 end) as finished,
        sum(case when bucket_day >= :from then ended_early else 0 end) as finished_early,
        sum(case when bucket_day >= :from then ended_on_time else 0 end) as finished_on_time,
        sum(case when bucket_day >= :from then ended_late else 0 end) as finished_late,
        sum(received - ended) as in_progress,
        sum(case when multi_supplement then received - ended else 0 end) as open_multi,
        sum(case when not multi_supplement and bucket_day < :judgedDay then due - settled else 0 end) as overdue_by_day,
        sum(case when bucket_day >= :from then components_digitized else 0 end) as components_digitized,
        sum(case when bucket_day >= :from then components_supplied else 0 end) as components_supplied,
        sum(case when bucket_day >= :from then components_reused else 0 end) as components_reused,
        sum(case when bucket_day >= :from then result_digitized else 0 end) as result_digitized,
        sum(case when bucket_day >= :from then fee_dossiers else 0 end) as fee_dossiers,
        sum(case when bucket_day >= :from then paid_online else 0 end) as paid_online,
        sum(case when bucket_day >= :from then ended_withdrawn else 0 end) as withdrawn,
        sum(case when bucket_day >= :from then ended_refused else 0 end) as refused,
        sum(case when bucket_day >= :from and channel = 2 then received_vneid else 0 end) as received_online_vneid,
        sum(case when bucket_day >= :from then dissatisfied_ended else 0 end) as dissatisfied_finished,
        sum(dissatisfied_received - dissatisfied_ended) as dissatisfied_open
      from report_day
      where bucket_day >= :lo and bucket_day < :hi and agency_path like :agencyPattern
      %s
      """;

  /**
   * The period's whole months [monthsFrom, monthsTo): the same sums from their monthly rows. Every such month lies
   * after F and before both T and Jd, so each of BUCKETS' conditions on the day holds for the month's first day.
   */
  private static final String WHOLE_MONTHS = BUCKETS.replace("bucket_day", "bucket_month")
      .replace("from report_day", "from report_month");

  /** The balances before the split month, from the monthly roll-up (every row is before the period and Jd). */
  private static final String MONTHS = """
      select %s as grp,
        sum(received - ended) as in_progress,
        sum(case when multi_supplement then received - ended else 0 end) as open_multi,
        sum(case when not multi_supplement then due - settled else 0 end) as overdue_by_day,
        sum(dissatisfied_received - dissatisfied_ended) as dissatisfied_open
      from report_month
      where bucket_month < :split and agency_path like :agencyPattern
      %s
      """;

  /**
   * Open, at most one supplement request, due on the judged day before the judged instant. Only the due-date range
   * is a WHERE condition, so every database plans it over the due-date index; the rest is counted in the CASE.
   */
  private static final String DUE_TODAY = """
      select %s as grp,
        count(case when received_at is not null and supplement_count <= 1
          and (ended_at is null or ended_at >= :toInstant) then 1 end) as n
      """ + "from " + DossierFactsView.NAME + "\n" + """
      where due_at >= :judgedDay and due_at < :judged and agency_path like :agencyPattern
      %s
      """;

  /**
   * Counted as overdue by the day buckets (due before the judged day) but ended after it, before the period's end;
   * planned over the end-of-handling index for the same reason.
   */
  private static final String ENDED_SINCE = """
      select %s as grp,
        count(case when due_at < :judgedDay and received_at is not null and supplement_count <= 1 then 1 end) as n
      """ + "from " + DossierFactsView.NAME + "\n" + """
      where ended_at >= :judgedDay and ended_at < :toInstant and agency_path like :agencyPattern
      %s
      """;

  /** BUCKETS' columns, in the order of the tally's counters. */
  private static final String[] SUMS = {"received", "received_online", "offered", "offered_online", "full_offered",
      "full_online", "finished", "finished_early", "finished_on_time", "finished_late", "in_progress", "open_multi",
      "overdue_by_day", "components_digitized", "components_supplied", "components_reused", "result_digitized",
      "fee_dossiers", "paid_online", "withdrawn", "refused", "received_online_vneid", "dissatisfied_finished",
      "dissatisfied_open"};
  private static final int WIDTH = SUMS.length;

  private final NamedParameterJdbcTemplate jdbc;

  AggregateQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Summary summarize(LocalDate from, LocalDate to, String agency, LocalDateTime judgedAt) {
    return summarize(from, to, ReportScope.subtree(agency), judgedAt);
  }

  Summary summarize(LocalDate from, LocalDate to, ReportScope scope, LocalDateTime judgedAt) {
    return tally(from, to, scope, judgedAt, null).getOrDefault("", Tally.ZERO).toSummary(from, to, scope.agency());
  }

  /** Same contract as {@link SummaryQuery#tally}. */
  Map<String, Tally> tally(LocalDate from, LocalDate to, String agency, LocalDateTime judgedAt, String groupColumn) {
    return tally(from, to, ReportScope.subtree(agency), judgedAt, groupColumn);
  }

  /** Same contract as {@link SummaryQuery#tally}, over the dossiers the scope admits. */
  Map<String, Tally> tally(LocalDate from, LocalDate to, ReportScope scope, LocalDateTime judgedAt,
      String groupColumn) {
    LocalDateTime end = to.plusDays(1).atStartOfDay();
    LocalDate judgedDay = judgedAt.toLocalDate();
    // Days before this month start (which is neither after the period's start nor after the judged day) are summed
    // from report_month: there only the balances (in progress, overdue) count, and a month row stands for ~30 days.
    LocalDate split = (judgedDay.isBefore(from) ? judgedDay : from).withDayOfMonth(1);
    // The months wholly inside the period and before the judged day are read from report_month; the days around them
    // (the period's first and last part months, the judged day's month) from report_day.
    LocalDate monthsFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
    LocalDate afterEnd = to.plusDays(1).withDayOfMonth(1);
    LocalDate monthsTo = judgedDay.withDayOfMonth(1).isBefore(afterEnd) ? judgedDay.withDayOfMonth(1) : afterEnd;
    if (!monthsFrom.isBefore(monthsTo)) {
      monthsFrom = to.plusDays(1);
      monthsTo = monthsFrom;
    }
    MapSqlParameterSource params = new MapSqlParameterSource()
        .addValue("split", Date.valueOf(split))
        .addValue("from", Date.valueOf(from))
        .addValue("to", Date.valueOf(to.plusDays(1)))
        .addValue("toInstant", Timestamp.valueOf(end))
        .addValue("judgedDay", Date.valueOf(judgedDay))
        .addValue("judged", Timestamp.valueOf(judgedAt));
    scope.bind(params);
    String grp = groupColumn == null ? "''" : groupColumn;
    String groupBy = groupColumn == null ? "" : "group by " + groupColumn;

    Map<String, long[]> rows = new LinkedHashMap<>();
    org.springframework.jdbc.core.RowCallbackHandler addSums = rs -> {
      long[] v = rows.computeIfAbsent(String.valueOf(rs.getObject("grp")), k -> new long[WIDTH]);
      for (int i = 0; i < SUMS.length; i++) {
        v[i] += rs.getLong(SUMS[i]); // sum over no rows is null: getLong reads it as 0
      }
    };
    // One range per statement, so that every database reads each over the (day, …) index.
    LocalDate[][] ranges = {{split, monthsFrom}, {monthsFrom, monthsTo}, {monthsTo, to.plusDays(1)}};
    for (int i = 0; i < ranges.length; i++) {
      if (ranges[i][0].isBefore(ranges[i][1])) {
        params.addValue("lo", Date.valueOf(ranges[i][0])).addValue("hi", Date.valueOf(ranges[i][1]));
        jdbc.query(scope.apply((i == 1 ? WHOLE_MONTHS : BUCKETS).formatted(grp, groupBy)), params, addSums);
      }
    }
    jdbc.query(scope.apply(MONTHS.formatted(grp, groupBy)), params, rs -> {
      long[] v = rows.computeIfAbsent(String.valueOf(rs.getObject("grp")), k -> new long[WIDTH]);
      v[10] += rs.getLong("in_progress");
      v[11] += rs.getLong("open_multi");
      v[12] += rs.getLong("overdue_by_day");
      v[23] += rs.getLong("dissatisfied_open");
    });
    if (judgedAt.isBefore(end)) {
      // The judged instant falls inside the period (it has not ended yet): settle the partial day exactly.
      Map<String, Long> dueToday = counts(scope.apply(DUE_TODAY.formatted(grp, groupBy)), params);
      Map<String, Long> endedSince = counts(scope.apply(ENDED_SINCE.formatted(grp, groupBy)), params);
      dueToday.forEach((k, n) -> rows.computeIfAbsent(k, x -> new long[WIDTH])[12] += n);
      endedSince.forEach((k, n) -> rows.computeIfAbsent(k, x -> new long[WIDTH])[12] -= n);
    }
    Map<String, Tally> result = new LinkedHashMap<>();
    rows.forEach((k, v) -> result.put(k, new Tally(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
        v[10], v[11] + v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22] + v[23])));
    return result;
  }

  /** Procedures with at least one online payment among the dossiers received in the period (Decision 766 §3.6). */
  long proceduresPaidOnline(LocalDate from, LocalDate to, ReportScope scope) {
    Long n = jdbc.queryForObject(scope.apply("""
        select count(distinct procedure_code) from report_day
        where bucket_day >= :from and bucket_day < :to and agency_path like :agencyPattern and paid_online > 0
        """), scope.bind(new MapSqlParameterSource()
        .addValue("from", Date.valueOf(from))
        .addValue("to", Date.valueOf(to.plusDays(1)))), Long.class);
    return n == null ? 0 : n;
  }

  private Map<String, Long> counts(String sql, MapSqlParameterSource params) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query(sql, params, rs -> {
      counts.put(String.valueOf(rs.getObject("grp")), rs.getLong("n"));
    });
    return counts;
  }
}
