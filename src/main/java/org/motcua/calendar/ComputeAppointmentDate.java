package org.motcua.calendar;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.stereotype.Component;

/**
 * When a dossier received at a given moment is due (ngày hẹn trả), for exactly one time limit: working days, working
 * hours, calendar days, or the same day.
 */
@Component
class ComputeAppointmentDate implements UseCase {

  /** Ten years: longer limits do not exist, and the cap keeps an anonymous caller from asking for endless loops. */
  static final int MAX_VALUE = 3650;

  private final WorkingCalendar calendar;
  private final Clock clock;

  ComputeAppointmentDate(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(CalendarRefusal.CALENDAR_UNIT_REQUIRED, CalendarRefusal.CALENDAR_UNIT_CONFLICT,
        CalendarRefusal.CALENDAR_INVALID_FROM, CalendarRefusal.CALENDAR_INVALID_VALUE);
  }

  /** {@code from} defaults to now; exactly one of the limits must be given. */
  LocalDateTime due(String from, Integer workingDays, Integer workingHours, Integer calendarDays, Boolean sameDay) {
    List<TimeLimit> limits = new ArrayList<>();
    if (workingDays != null) {
      limits.add(new TimeLimit(checked("workingDays", workingDays), DurationUnit.WORKING_DAYS));
    }
    if (workingHours != null) {
      limits.add(new TimeLimit(checked("workingHours", workingHours), DurationUnit.WORKING_HOURS));
    }
    if (calendarDays != null) {
      limits.add(new TimeLimit(checked("calendarDays", calendarDays), DurationUnit.CALENDAR_DAYS));
    }
    if (Boolean.TRUE.equals(sameDay)) {
      limits.add(TimeLimit.sameDay());
    }
    if (limits.isEmpty()) {
      throw CalendarRefusal.CALENDAR_UNIT_REQUIRED.exception();
    }
    if (limits.size() > 1) {
      throw CalendarRefusal.CALENDAR_UNIT_CONFLICT.exception();
    }
    return calendar.due(receivedAt(from), limits.get(0));
  }

  private LocalDateTime receivedAt(String from) {
    if (from == null || from.isBlank()) {
      return LocalDateTime.now(clock);
    }
    try {
      return LocalDateTime.parse(from.trim());
    } catch (DateTimeParseException e) {
      throw CalendarRefusal.CALENDAR_INVALID_FROM.exception(from);
    }
  }

  private static int checked(String name, int value) {
    if (value < 0 || value > MAX_VALUE) {
      // Numbers go to the message as text so they are not formatted with digit grouping.
      throw CalendarRefusal.CALENDAR_INVALID_VALUE.exception(name, String.valueOf(value), String.valueOf(MAX_VALUE));
    }
    return value;
  }
}
