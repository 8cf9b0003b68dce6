package org.motcua.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.motcua.common.RunsUseCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public (anonymous) calendar API for the citizen pages: when a dossier received at a given moment is due (ngày hẹn
 * trả), and which days of a year are holidays or make-up working days.
 */
@Tag(name = "Calendar",
    description = "Lịch làm việc: appointment dates in working time and the holidays of a year, public.")
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final ComputeAppointmentDate appointmentDate;
  private final ReadHolidays readHolidays;

  CalendarController(ComputeAppointmentDate appointmentDate, ReadHolidays readHolidays) {
    this.appointmentDate = appointmentDate;
    this.readHolidays = readHolidays;
  }

  /**
   * {@code GET /api/calendar/due?from=2025-01-23T09:00&workingDays=5} → {@code {"due":"2025-02-06T09:00"}}. Exactly
   * one of {@code workingDays}, {@code workingHours}, {@code calendarDays}, {@code sameDay=true}; {@code from}
   * defaults to now.
   */
  @Operation(operationId = "computeDueDate", summary = "Compute an appointment date (ngày hẹn trả)",
      description = "When a dossier received at `from` (default: now) is due, counted in working time on the "
          + "Vietnamese calendar (weekends, holidays and make-up working days): exactly one of "
          + "`workingDays`, `workingHours`, `calendarDays` or `sameDay=true`. Example: "
          + "`from=2025-01-23T09:00&workingDays=5` gives `2025-02-06T09:00` (Tết skipped).")
  @GetMapping("/due")
  @RunsUseCase(ComputeAppointmentDate.class)
  DueResponse due(@RequestParam(required = false) String from,
      @RequestParam(required = false) Integer workingDays,
      @RequestParam(required = false) Integer workingHours,
      @RequestParam(required = false) Integer calendarDays,
      @RequestParam(required = false) Boolean sameDay) {
    return new DueResponse(appointmentDate.due(from, workingDays, workingHours, calendarDays, sameDay));
  }

  /** {@code GET /api/calendar/holidays?year=2025}: the year's holidays and make-up working days, by date. */
  @Operation(operationId = "listHolidays", summary = "A year's holidays and make-up working days",
      description = "The holidays (ngày nghỉ lễ) and make-up working days (ngày làm bù) of `year` (default: this "
          + "year), by date; `announced` is false for a year whose notices are not configured yet, when only "
          + "weekends are known.")
  @GetMapping("/holidays")
  @RunsUseCase(ReadHolidays.class)
  HolidaysResponse holidays(@RequestParam(required = false) Integer year) {
    int wanted = readHolidays.year(year);
    CalendarProperties.YearSchedule schedule = readHolidays.schedule(wanted);
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

  /** The appointment instant (ngày hẹn trả), in the service's zone. */
  record DueResponse(LocalDateTime due) {}

  /** {@code announced} is false for a year whose notices are not configured yet (only weekends are known). */
  record HolidaysResponse(int year, boolean announced, List<Holiday> holidays, List<MakeUpDay> makeUpDays) {}

  /** Days off, inclusive; a single day has {@code from == to}. */
  record Holiday(LocalDate from, LocalDate to, String name) {}

  record MakeUpDay(LocalDate date, String name) {}
}
