package org.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office calendar as configured in {@code config/calendar.yml}: office hours (giờ làm việc), weekends, the
 * same-day cut-off, and per year the holidays (ngày nghỉ lễ, Tết) and make-up working days (ngày làm bù).
 *
 * <p>Every record checks itself when bound, so a broken calendar stops the service at start-up with a message that
 * names the bad entry instead of producing wrong appointment dates (ngày hẹn trả) later.
 */
@ConfigurationProperties("motcua.calendar")
public record CalendarProperties(
    List<Interval> officeHours,
    Set<DayOfWeek> weekend,
    LocalTime sameDayCutoff,
    Map<Integer, YearSchedule> years) {

  static final String PREFIX = "motcua.calendar";

  public CalendarProperties {
    officeHours = officeHours == null || officeHours.isEmpty()
        ? List.of(new Interval(LocalTime.of(7, 0), LocalTime.of(11, 30)),
            new Interval(LocalTime.of(13, 30), LocalTime.of(17, 0)))
        : List.copyOf(officeHours);
    weekend = weekend == null
        ? Set.copyOf(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))
        : Set.copyOf(weekend);
    sameDayCutoff = sameDayCutoff == null ? LocalTime.of(15, 0) : sameDayCutoff;
    years = years == null ? Map.of() : new TreeMap<>(years);

    checkOfficeHours(officeHours);
    if (weekend.size() == DayOfWeek.values().length) {
      throw invalid("weekend", "every day of the week is a weekend day, so nothing could ever be due");
    }
    checkWholeMinute("same-day-cutoff", sameDayCutoff);
    LocalTime opening = officeHours.get(0).from();
    LocalTime closing = officeHours.get(officeHours.size() - 1).to();
    if (sameDayCutoff.isBefore(opening) || sameDayCutoff.isAfter(closing)) {
      throw invalid("same-day-cutoff", sameDayCutoff + " lies outside office hours " + opening + "–" + closing);
    }
    for (Map.Entry<Integer, YearSchedule> entry : years.entrySet()) {
      checkYear(entry.getKey(), entry.getValue(), weekend);
    }
    years = Map.copyOf(years);
  }

  /** The schedule of one year, or {@code null} when that year has not been configured. */
  public YearSchedule year(int year) {
    return years.get(year);
  }

  private static void checkOfficeHours(List<Interval> officeHours) {
    Interval previous = null;
    for (Interval interval : officeHours) {
      if (interval == null || interval.from() == null || interval.to() == null) {
        throw invalid("office-hours", "every interval needs both 'from' and 'to'");
      }
      checkWholeMinute("office-hours", interval.from());
      checkWholeMinute("office-hours", interval.to());
      if (!interval.from().isBefore(interval.to())) {
        throw invalid("office-hours", "interval " + interval + " does not end after it starts");
      }
      // Touching intervals are allowed (they simply join); overlapping or unsorted ones are a typo.
      if (previous != null && interval.from().isBefore(previous.to())) {
        throw invalid("office-hours",
            "intervals must be sorted and must not overlap, but " + interval + " comes after " + previous);
      }
      previous = interval;
    }
  }

  private static void checkYear(Integer year, YearSchedule schedule, Set<DayOfWeek> weekend) {
    String path = "years." + year;
    if (year == null || year < 1 || year > 9999) {
      throw invalid("years", "'" + year + "' is not a year");
    }
    if (schedule == null) {
      throw invalid(path, "the year is listed without holidays or make-up days");
    }
    for (Holiday holiday : schedule.holidays()) {
      if (holiday.from().getYear() != year || holiday.to().getYear() != year) {
        throw invalid(path + ".holidays", holiday + " lies outside " + year
            + " (split a range that crosses the new year between the two years)");
      }
    }
    for (MakeUpDay day : schedule.makeUpDays()) {
      if (day.date().getYear() != year) {
        throw invalid(path + ".make-up-days", day + " lies outside " + year);
      }
      if (!weekend.contains(day.date().getDayOfWeek())) {
        throw invalid(path + ".make-up-days", day + " is a " + day.date().getDayOfWeek()
            + ", not a weekend day: only a weekend day can be worked in exchange for a day off");
      }
      for (Holiday holiday : schedule.holidays()) {
        if (holiday.contains(day.date())) {
          throw invalid(path + ".make-up-days", day + " is also a holiday: " + holiday);
        }
      }
    }
  }

  private static void checkWholeMinute(String property, LocalTime time) {
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw invalid(property, time + " is not a whole minute");
    }
  }

  static IllegalArgumentException invalid(String property, String problem) {
    return new IllegalArgumentException("Invalid working calendar at " + PREFIX + "." + property + ": " + problem);
  }

  /** A working interval of the day, e.g. 07:00–11:30; {@code to} is the closing instant itself. */
  public record Interval(LocalTime from, LocalTime to) {

    @Override
    public String toString() {
      return from + "–" + to;
    }
  }

  /** The holidays and make-up working days announced for one year. */
  public record YearSchedule(List<Holiday> holidays, List<MakeUpDay> makeUpDays) {

    public YearSchedule {
      holidays = holidays == null ? List.of() : List.copyOf(holidays);
      makeUpDays = makeUpDays == null ? List.of() : List.copyOf(makeUpDays);
    }
  }

  /**
   * Days off (ngày nghỉ lễ, Tết), written either as one {@code date} or as an inclusive {@code from}–{@code to}
   * range; after binding {@code from} and {@code to} are always set.
   */
  public record Holiday(LocalDate date, LocalDate from, LocalDate to, String name) {

    public Holiday {
      if (name == null || name.isBlank()) {
        throw invalid("years", "a holiday needs a name (" + describe(date, from, to) + ")");
      }
      if (date != null) {
        if (from != null || to != null) {
          throw invalid("years", "holiday '" + name + "' gives both 'date' and 'from'/'to'; use one or the other");
        }
        from = date;
        to = date;
      }
      if (from == null || to == null) {
        throw invalid("years", "holiday '" + name + "' needs either 'date' or both 'from' and 'to'");
      }
      if (to.isBefore(from)) {
        throw invalid("years", "holiday '" + name + "' ends (" + to + ") before it starts (" + from + ")");
      }
    }

    public boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }

    private static String describe(LocalDate date, LocalDate from, LocalDate to) {
      return date != null ? date.toString() : from + "–" + to;
    }

    @Override
    public String toString() {
      return "'" + name + "' (" + (from.equals(to) ? from.toString() : from + "–" + to) + ")";
    }
  }

  /** A weekend day worked in exchange for a weekday off (ngày làm bù, hoán đổi ngày làm việc). */
  public record MakeUpDay(LocalDate date, String name) {

    public MakeUpDay {
      if (date == null) {
        throw invalid("years", "a make-up day needs a 'date' (" + name + ")");
      }
    }

    @Override
    public String toString() {
      return (name == null ? "make-up day" : "'" + name + "'") + " (" + date + ")";
    }
  }
}
