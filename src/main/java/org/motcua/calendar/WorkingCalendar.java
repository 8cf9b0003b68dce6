package org.motcua.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The office's working-time calendar: office hours, weekends, public holidays and make-up working days, all from
 * {@code config/}. Every local date-time is in the service's zone (Asia/Ho_Chi_Minh).
 */
public interface WorkingCalendar {

  /**
   * Where a reception instant starts counting: before opening → opening; lunch → afternoon opening; at or after
   * closing or on a non-working day → next opening. Counting itself never needs it: see {@link #plusWorkingMinutes}.
   */
  LocalDateTime normalize(LocalDateTime at);

  /** The due instant (ngày hẹn trả) of a time limit counted from a reception instant, per DOMAIN.md's rules. */
  LocalDateTime due(LocalDateTime receivedAt, TimeLimit limit);

  /**
   * The earliest instant by which the given working minutes have passed since {@code from}. A closing and the next
   * opening are the same point in working time and give the same answer for any positive amount; time that runs out
   * at a closing ends at that closing (17:00, not 07:00 the next day); zero minutes leave {@code from} unchanged.
   */
  LocalDateTime plusWorkingMinutes(LocalDateTime from, long minutes);

  /**
   * The latest instant that lies the given working minutes before {@code to}: time that runs out at an opening ends
   * at that opening, never at the previous closing; zero minutes leave {@code to} unchanged.
   */
  LocalDateTime minusWorkingMinutes(LocalDateTime to, long minutes);

  /** Working minutes between two instants (0 if {@code to} is not after {@code from}). */
  long workingMinutesBetween(LocalDateTime from, LocalDateTime to);

  boolean isWorkingDay(LocalDate day);

  /** Working minutes in one working day (480 with the default office hours). */
  int workingMinutesPerDay();
}
