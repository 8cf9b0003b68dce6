package org.motcua.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.stereotype.Component;

/** A year's holidays and make-up working days, as the government announced them (configured per year). */
@Component
class ReadHolidays implements UseCase {

  private final CalendarProperties properties;
  private final Clock clock;

  ReadHolidays(CalendarProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(CalendarRefusal.CALENDAR_INVALID_YEAR);
  }

  /** The year asked for, this year when none. */
  int year(Integer year) {
    int wanted = year == null ? LocalDate.now(clock).getYear() : year;
    if (wanted < 1 || wanted > 9999) {
      throw CalendarRefusal.CALENDAR_INVALID_YEAR.exception(String.valueOf(year));
    }
    return wanted;
  }

  /** The year's announced schedule; null when it is not configured yet (only weekends are known). */
  CalendarProperties.YearSchedule schedule(int year) {
    return properties.year(year);
  }
}
