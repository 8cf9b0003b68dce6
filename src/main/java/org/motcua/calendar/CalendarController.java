package org.motcua.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.motcua.common.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public (anonymous) calendar API for the citizen pages: when a dossier received at a given moment is due (ngày hẹn
 * trả), and which days of a year are holidays or make-up working days.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  /** Ten years: longer limits do not exist, and the cap keeps an anonymous caller from asking for endless loops. */
  static final int MAX_VALUE = 3650;

  private final WorkingCalendar calendar;
  private final CalendarProperties properties;
  private final Clock clock;

  CalendarController(WorkingCalendar calendar, CalendarProperties properties, Clock clock) {
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * {@code GET /api/calendar/due?from=2025-01-23T09:00&workingDays=5} → {@code {"due":"2025-02-06T09:00"}}. Exactly
   * one of {@code workingDays}, {@code workingHours}, {@code calendarDays}, {@code sameDay=true}; {@code from}
   * defaults to now.
   */
  @GetMapping("/due")
  DueResponse due(@RequestParam(required = false) String from,
      @RequestParam(required = false) Integer workingDays,
      @RequestParam(required = false) Integer workingHours,
      @RequestParam(required = false) Integer calendarDays,
      @RequestParam(required = false) Boolean sameDay) {
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
      throw ApiException.badRequest("CALENDAR_UNIT_REQUIRED");
    }
    if (limits.size() > 1) {
      throw ApiException.badRequest("CALENDAR_UNIT_CONFLICT");
    }
    return new DueResponse(calendar.due(receivedAt(from), limits.get(0)));
  }

  /** {@code GET /api/calendar/holidays?year=2025}: the year's holidays and make-up working days, by date. */
  @GetMapping("/holidays")
  HolidaysResponse holidays(@RequestParam(required = false) Integer year) {
    int wanted = year == null ? LocalDate.now(clock).getYear() : year;
    if (wanted < 1 || wanted > 9999) {
      throw ApiException.badRequest("CALENDAR_INVALID_YEAR", String.valueOf(year));
    }
    CalendarProperties.YearSchedule schedule = properties.year(wanted);
    if (schedule == null) {
      return new HolidaysResponse(wanted, false, List.of(), List.of());
    }
    List<Holiday> holidays = schedule.holidays().stream()
        .map(h -> new Holiday(h.from(), h.to(), h.name()))
        .sorted(Comparator.comparing(Holiday::from))
        .toList();
    List<MakeUpDay> makeUpDays = schedule.makeUpDays().stream()
        .map(d -> new MakeUpDay(d.date(), d.name()))
        .sorted(Comparator.comparing(MakeUpDay::date))
        .toList();
    return new HolidaysResponse(wanted, true, holidays, makeUpDays);
  }

  private LocalDateTime receivedAt(String from) {
    if (from == null || from.isBlank()) {
      return LocalDateTime.now(clock);
    }
    try {
      return LocalDateTime.parse(from.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("CALENDAR_INVALID_FROM", from);
    }
  }

  private static int checked(String name, int value) {
    if (value < 0 || value > MAX_VALUE) {
      // Numbers go to the message as text so they are not formatted with digit grouping.
      throw ApiException.badRequest("CALENDAR_INVALID_VALUE", name, String.valueOf(value), String.valueOf(MAX_VALUE));
    }
    return value;
  }

  /** The appointment instant (ngày hẹn trả), in the service's zone. */
  record DueResponse(LocalDateTime due) {}

  /** {@code announced} is false for a year whose notices are not configured yet (only weekends are known). */
  record HolidaysResponse(int year, boolean announced, List<Holiday> holidays, List<MakeUpDay> makeUpDays) {}

  /** Days off, inclusive; a single day has {@code from == to}. */
  record Holiday(LocalDate from, LocalDate to, String name) {}

  record MakeUpDay(LocalDate date, String name) {}
}
