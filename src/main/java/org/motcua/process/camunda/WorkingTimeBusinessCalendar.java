package org.motcua.process.camunda;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.motcua.calendar.WorkingCalendar;

/**
 * A Camunda {@link BusinessCalendar} that reads ISO-8601 durations as working time (thời gian làm việc), so a BPMN
 * step budget such as {@code camunda:dueDate="P2D"} means two working days (ngày làm việc), skipping nights,
 * weekends and holidays:
 *
 * <ul>
 *   <li>{@code P2D} = 2 working days (2 × the office's working minutes per day), {@code PT4H} = 4 working hours,
 *       {@code PT30M} = 30 working minutes; combinations such as {@code P1DT4H} add up. They count from the given
 *       start or the engine's clock ({@link ClockUtil}), normalized into office hours first.
 *   <li>A date-time ({@code 2025-02-06T09:00}, optionally with an offset) is a fixed instant and passes through
 *       unchanged; without an offset it is read in the service's zone, not the JVM's.
 *   <li>Durations without a working-time meaning ({@code P1M}, {@code P1Y}, {@code P1W}, seconds) are rejected
 *       rather than silently counted in calendar time; anything else goes to the engine's own calendar.
 * </ul>
 */
public class WorkingTimeBusinessCalendar implements BusinessCalendar {

  private static final Pattern WORKING_DURATION =
      Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");

  private final WorkingCalendar calendar;
  private final ZoneId zone;
  private final BusinessCalendar engineDefault;

  public WorkingTimeBusinessCalendar(WorkingCalendar calendar, ZoneId zone, BusinessCalendar engineDefault) {
    this.calendar = calendar;
    this.zone = zone;
    this.engineDefault = engineDefault;
  }

  @Override
  public Date resolveDuedate(String duedate) {
    return resolveDuedate(duedate, (Date) null);
  }

  /** Like the engine's own calendars, a task's due date counts from now (the task is being created). */
  @Override
  public Date resolveDuedate(String duedate, Task task) {
    return resolveDuedate(duedate);
  }

  @Override
  public Date resolveDuedate(String duedate, Date startDate) {
    if (duedate == null || duedate.isBlank()) {
      throw new ProcessEngineException("Cannot resolve an empty due date");
    }
    String expression = duedate.trim();
    if (expression.startsWith("P")) {
      Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
      LocalDateTime from = LocalDateTime.ofInstant(start.toInstant(), zone);
      LocalDateTime due = calendar.plusWorkingMinutes(calendar.normalize(from), workingMinutes(expression));
      return Date.from(due.atZone(zone).toInstant());
    }
    Date fixed = fixedInstant(expression);
    return fixed != null ? fixed : engineDefault.resolveDuedate(duedate, startDate);
  }

  private long workingMinutes(String expression) {
    Matcher m = WORKING_DURATION.matcher(expression);
    boolean hasAmount = m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null);
    if (!hasAmount || expression.endsWith("T")) {
      throw new ProcessEngineException("Cannot count '" + expression + "' in working time: use working days (P2D),"
          + " hours (PT4H), minutes (PT30M) or a combination (P1DT4H)");
    }
    try {
      long minutes = Math.multiplyExact(amount(m.group(1)), (long) calendar.workingMinutesPerDay());
      minutes = Math.addExact(minutes, Math.multiplyExact(amount(m.group(2)), 60L));
      return Math.addExact(minutes, amount(m.group(3)));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new ProcessEngineException("Duration '" + expression + "' is too long", e);
    }
  }

  private static long amount(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  /** An ISO date-time (or date) as an instant, local ones read in the service's zone; null if not one. */
  private Date fixedInstant(String expression) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(expression,
          ZonedDateTime::from, LocalDateTime::from);
      ZonedDateTime instant = parsed instanceof ZonedDateTime zoned
          ? zoned
          : ((LocalDateTime) parsed).atZone(zone);
      return Date.from(instant.toInstant());
    } catch (DateTimeParseException notADateTime) {
      // fall through: maybe a plain date
    }
    try {
      return Date.from(LocalDate.parse(expression).atStartOfDay(zone).toInstant());
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }
}
