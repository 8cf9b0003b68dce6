package org.motcua.web;

import java.time.LocalDateTime;
import org.motcua.calendar.WorkingCalendar;

/**
 * How pressing a deadline is, for the colour of an inbox line: past due, due today, due within the next working day
 * (the same lead as the "due soon" warning), or not yet.
 */
public enum Urgency {
  OVERDUE, TODAY, SOON, NORMAL;

  public static Urgency of(LocalDateTime due, LocalDateTime now, WorkingCalendar calendar) {
    if (due == null) {
      return NORMAL;
    }
    if (due.isBefore(now)) {
      return OVERDUE;
    }
    if (due.toLocalDate().equals(now.toLocalDate())) {
      return TODAY;
    }
    return calendar.workingMinutesBetween(now, due) <= calendar.workingMinutesPerDay() ? SOON : NORMAL;
  }

  /** The CSS class of the line and badge. */
  public String css() {
    return "urgency-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
