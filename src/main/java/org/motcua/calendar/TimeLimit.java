package org.motcua.calendar;

/**
 * A statutory time limit (thời hạn giải quyết), e.g. 5 working days. For {@link DurationUnit#SAME_DAY} the value is
 * ignored (conventionally 0 or 1).
 */
public record TimeLimit(int value, DurationUnit unit) {

  public static TimeLimit workingDays(int days) {
    return new TimeLimit(days, DurationUnit.WORKING_DAYS);
  }

  public static TimeLimit workingHours(int hours) {
    return new TimeLimit(hours, DurationUnit.WORKING_HOURS);
  }

  public static TimeLimit calendarDays(int days) {
    return new TimeLimit(days, DurationUnit.CALENDAR_DAYS);
  }

  public static TimeLimit sameDay() {
    return new TimeLimit(0, DurationUnit.SAME_DAY);
  }
}
