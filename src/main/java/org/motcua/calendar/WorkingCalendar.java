package org.motcua.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The office's working-time calendar: office hours, weekends, public holidays and make-up working days, all from
 * {@code config/}. Every local date-time is in the service's zone (Asia/Ho_Chi_Minh).
 */
public interface WorkingCalendar {

  /** Moves an instant into working time: before opening → opening; lunch → afternoon opening; after closing or on a non-working day → next opening. */
  LocalDateTime normalize(LocalDateTime at);

  /** The due instant (ngày hẹn trả) of a time limit counted from a reception instant, per DOMAIN.md's rules. */
  LocalDateTime due(LocalDateTime receivedAt, TimeLimit limit);

  /** The instant reached by adding working minutes to a (normalized) instant. */
  LocalDateTime plusWorkingMinutes(LocalDateTime from, long minutes);

  /** The instant that lies the given working minutes before {@code to}; never earlier than opening of the first working day found. */
  LocalDateTime minusWorkingMinutes(LocalDateTime to, long minutes);

  /** Working minutes between two instants (0 if {@code to} is not after {@code from}). */
  long workingMinutesBetween(LocalDateTime from, LocalDateTime to);

  boolean isWorkingDay(LocalDate day);

  /** Working minutes in one working day (480 with the default office hours). */
  int workingMinutesPerDay();
}
