package org.motcua.calendar;

import org.motcua.common.Refusal;
import org.springframework.http.HttpStatus;

/** Why the working-time calendar refuses a question; the name is the stable problem code. */
public enum CalendarRefusal implements Refusal {
  /** None of workingDays, workingHours, calendarDays, sameDay. No args. */
  CALENDAR_UNIT_REQUIRED(HttpStatus.BAD_REQUEST),
  /** More than one of them. No args. */
  CALENDAR_UNIT_CONFLICT(HttpStatus.BAD_REQUEST),
  /** {@code from} is no date-time. Args: the value. */
  CALENDAR_INVALID_FROM(HttpStatus.BAD_REQUEST),
  /** A time limit below 0 or above the cap. Args: name, value, cap. */
  CALENDAR_INVALID_VALUE(HttpStatus.BAD_REQUEST),
  /** A year outside 1-9999. Args: the value. */
  CALENDAR_INVALID_YEAR(HttpStatus.BAD_REQUEST);

  private final HttpStatus status;

  CalendarRefusal(HttpStatus status) {
    this.status = status;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
