package org.motcua.calendar;

/** How a statutory time limit (thời hạn giải quyết) is counted. */
public enum DurationUnit {
  /** Ngày làm việc: working days of the office calendar (one day = the office's daily working hours). */
  WORKING_DAYS,
  /** Giờ làm việc: working hours inside office hours. */
  WORKING_HOURS,
  /** Ngày (theo lịch): calendar days, weekends count; a due date on a non-working day moves to the next working day. */
  CALENDAR_DAYS,
  /** Trong ngày: received before the cut-off (15:00) → due at closing that day, otherwise at closing of the next working day. */
  SAME_DAY
}
