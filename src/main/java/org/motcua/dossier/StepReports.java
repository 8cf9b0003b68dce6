package org.motcua.dossier;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.motcua.calendar.WorkingCalendar;
import org.motcua.process.ProcessContract;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the step records tell reports, read from {@code dossier_step} with the dossiers it belongs to: which agencies'
 * steps overran in dossiers that finished late (lateness traced to its cause), and which steps are past their due
 * instant now. Side tasks ({@link ProcessContract.Tasks#OUTSIDE_HANDLING}) never name a cause. Scopes are LIKE patterns over the path of the <em>step's</em> agency ({@code /root/…/code/}), so an
 * inter-agency dossier's lateness counts for the agency whose step overran, not only for the one that received it.
 */
@Component
public class StepReports {

  /**
   * A step that overran in a dossier whose handling ended late in the period.
   *
   * @param agencyPath the path of the step's agency when the step started
   */
  public record LateCause(long dossierId, String dossierCode, String agencyCode, String agencyPath) {
  }

  /** An open step past its due instant; {@code overrunMinutes}: working minutes since then. */
  public record OverrunningStep(String dossierCode, String procedureName, String taskId, String taskKey, String name,
      String role, String agencyCode, LocalDateTime startedAt, LocalDateTime dueAt, Long budgetMinutes,
      long overrunMinutes, LocalDateTime warnedAt, LocalDateTime escalatedAt) {
  }

  private static final String LATE_CAUSES = """
      select distinct d.id, d.code, s.agency_code, s.agency_path
      from dossier_step s join dossier d on d.id = s.dossier_id
      where d.ended_at >= :from and d.ended_at < :to and d.timeliness = 'LATE' and s.overran = true
        and s.task_key not in (:outsideHandling) and %s
      order by d.id, s.agency_code
      """;

  private static final String OVERRUNNING = """
      select d.code, d.procedure_name, s.task_id, s.task_key, s.task_name, s.role, s.agency_code, s.started_at,
        s.due_at, s.budget_minutes, s.warned_at, s.escalated_at
      from dossier_step s join dossier d on d.id = s.dossier_id
      where s.ended_at is null and s.due_at < :now and %s
      order by s.due_at, s.id
      limit :limit
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final WorkingCalendar calendar;

  StepReports(NamedParameterJdbcTemplate jdbc, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /**
   * The overrun steps of the dossiers whose handling ended late in [from, to) (as {@code finishedLate} counts them),
   * one line per dossier and agency, for steps whose agency path matches one of the patterns.
   */
  public List<LateCause> lateCauses(LocalDateTime from, LocalDateTime to, List<String> agencyPathPatterns) {
    MapSqlParameterSource params = bind(agencyPathPatterns).addValue("from", Timestamp.valueOf(from))
        .addValue("to", Timestamp.valueOf(to))
        .addValue("outsideHandling", List.copyOf(ProcessContract.Tasks.OUTSIDE_HANDLING));
    return jdbc.query(LATE_CAUSES.formatted(filter(agencyPathPatterns)), params,
        (rs, i) -> new LateCause(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
  }

  /** The open steps past their due instant at {@code now} whose agency path matches, most overdue first. */
  public List<OverrunningStep> overrunning(LocalDateTime now, List<String> agencyPathPatterns, int limit) {
    MapSqlParameterSource params = bind(agencyPathPatterns).addValue("now", Timestamp.valueOf(now))
        .addValue("limit", limit);
    return jdbc.query(OVERRUNNING.formatted(filter(agencyPathPatterns)), params, (rs, i) -> {
      LocalDateTime due = rs.getTimestamp(9).toLocalDateTime();
      long budgetRead = rs.getLong(10);
      Long budget = rs.wasNull() ? null : budgetRead;
      Timestamp warned = rs.getTimestamp(11);
      Timestamp escalated = rs.getTimestamp(12);
      return new OverrunningStep(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
          rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toLocalDateTime(), due,
          budget, calendar.workingMinutesBetween(due, now),
          warned == null ? null : warned.toLocalDateTime(), escalated == null ? null : escalated.toLocalDateTime());
    });
  }

  private static String filter(List<String> patterns) {
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("a scope needs at least one agency path pattern");
    }
    return IntStream.range(0, patterns.size()).mapToObj(i -> "s.agency_path like :agencyPattern" + i)
        .collect(Collectors.joining(" or ", "(", ")"));
  }

  private static MapSqlParameterSource bind(List<String> patterns) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    for (int i = 0; i < patterns.size(); i++) {
      params.addValue("agencyPattern" + i, patterns.get(i));
    }
    return params;
  }
}
