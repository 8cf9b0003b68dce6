package org.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The working calendar of {@code config/calendar.yml}: counts time limits (thời hạn giải quyết) in working time and
 * computes the appointment date (ngày hẹn trả) as DOMAIN.md's "Time" rules say.
 *
 * <p>A day is a working day (ngày làm việc) when it is neither a weekend day nor a holiday, or when it is a make-up
 * working day (ngày làm bù). A year missing from the configuration only has weekends off; a warning is logged once
 * per such year so an operator notices the missing notice.
 *
 * <p>Precision: arithmetic is done in whole seconds. Seconds of an input are kept (a dossier received at 09:00:40
 * is due at 09:00:40 on the due day), fractions of a second are dropped. Office hours are whole minutes.
 *
 * <p>Gaps: a closing (11:30, 17:00, Friday 17:00) and the next opening are the same point in working time. Only the
 * reception instant is moved across such a gap ({@link #normalize}, DOMAIN.md's rule); adding or taking away working
 * time answers with the earliest (latest) instant by which that much has passed, so time that runs out at a closing
 * ends at that closing, and adding or taking away none leaves any instant where it is. A due date at 17:00 thus stays
 * at 17:00 after a supplement pause that took no working time, and moves to 07:00 plus the pause otherwise.
 *
 * <p>Cost: every operation walks working days and their intervals, never minutes, and skips whole working days in
 * one step, so 60 working days cost about as many loop turns as calendar days spanned.
 */
@Component
public class ConfiguredWorkingCalendar implements WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredWorkingCalendar.class);
  private static final int SECONDS_PER_DAY = 24 * 60 * 60;

  /** Opening and closing of each office-hours interval, as seconds of the day, sorted. */
  private final int[] opens;
  private final int[] closes;
  private final int workingSecondsPerDay;
  private final int sameDayCutoff;
  private final Set<DayOfWeek> weekend;
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new HashMap<>();
  private final Map<Integer, Set<LocalDate>> makeUpDaysByYear = new HashMap<>();
  private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();

  public ConfiguredWorkingCalendar(CalendarProperties properties) {
    List<CalendarProperties.Interval> hours = properties.officeHours();
    opens = new int[hours.size()];
    closes = new int[hours.size()];
    int perDay = 0;
    for (int i = 0; i < hours.size(); i++) {
      opens[i] = hours.get(i).from().toSecondOfDay();
      closes[i] = hours.get(i).to().toSecondOfDay();
      perDay += closes[i] - opens[i];
    }
    workingSecondsPerDay = perDay;
    sameDayCutoff = properties.sameDayCutoff().toSecondOfDay();
    weekend = Set.copyOf(properties.weekend());
    properties.years().forEach((year, schedule) -> {
      Set<LocalDate> holidays = new HashSet<>();
      for (CalendarProperties.Holiday holiday : schedule.holidays()) {
        holiday.from().datesUntil(holiday.to().plusDays(1)).forEach(holidays::add);
      }
      holidaysByYear.put(year, Set.copyOf(holidays));
      Set<LocalDate> makeUpDays = new HashSet<>();
      schedule.makeUpDays().forEach(day -> makeUpDays.add(day.date()));
      makeUpDaysByYear.put(year, Set.copyOf(makeUpDays));
    });
  }

  @Override
  public boolean isWorkingDay(LocalDate day) {
    Set<LocalDate> holidays = holidaysByYear.get(day.getYear());
    if (holidays == null) {
      warnOnceAboutMissingYear(day.getYear());
      return !weekend.contains(day.getDayOfWeek());
    }
    if (makeUpDaysByYear.get(day.getYear()).contains(day)) {
      return true;
    }
    return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  @Override
  public int workingMinutesPerDay() {
    return workingSecondsPerDay / 60;
  }

  /**
   * Before opening → opening; in a break → the next interval's opening; at or after closing, or on a day off → the
   * next working day's opening. An instant inside office hours is returned unchanged (fractions of a second dropped).
   */
  @Override
  public LocalDateTime normalize(LocalDateTime at) {
    LocalDate day = at.toLocalDate();
    int second = secondOfDay(at);
    while (true) {
      if (isWorkingDay(day)) {
        for (int i = 0; i < opens.length; i++) {
          if (second < closes[i]) {
            return at(day, Math.max(second, opens[i]));
          }
        }
      }
      day = day.plusDays(1);
      second = 0;
    }
  }

  @Override
  public LocalDateTime due(LocalDateTime receivedAt, TimeLimit limit) {
    if (limit.unit() != DurationUnit.SAME_DAY && limit.value() < 0) {
      throw new IllegalArgumentException("A time limit cannot be negative: " + limit);
    }
    LocalDateTime start = normalize(receivedAt);
    return switch (limit.unit()) {
      case WORKING_DAYS -> plusWorkingSeconds(start, (long) limit.value() * workingSecondsPerDay);
      case WORKING_HOURS -> plusWorkingSeconds(start, limit.value() * 3600L);
      case CALENDAR_DAYS -> onWorkingDay(start.plusDays(limit.value()));
      case SAME_DAY -> closingOf(secondOfDay(start) < sameDayCutoff
          ? start.toLocalDate()
          : nextWorkingDay(start.toLocalDate()));
    };
  }

  /**
   * Counts on from {@code from}, which need not be in office hours: none of the minutes is spent before the next
   * opening, and zero minutes leave {@code from} where it is (a closing instant is not moved to the next opening).
   */
  @Override
  public LocalDateTime plusWorkingMinutes(LocalDateTime from, long minutes) {
    if (minutes < 0) {
      return minusWorkingMinutes(from, Math.negateExact(minutes));
    }
    return plusWorkingSeconds(from, Math.multiplyExact(minutes, 60L));
  }

  /**
   * Counts back from {@code to}. A result that lands on an interval's opening stays there rather than jumping to the
   * previous closing, so {@code minus(plus(t, m), m) == t} for a normalized {@code t}; zero minutes leave {@code to}
   * where it is.
   */
  @Override
  public LocalDateTime minusWorkingMinutes(LocalDateTime to, long minutes) {
    if (minutes < 0) {
      return plusWorkingMinutes(to, Math.negateExact(minutes));
    }
    long remaining = Math.multiplyExact(minutes, 60L);
    LocalDate day = to.toLocalDate();
    int second = secondOfDay(to);
    if (remaining == 0) {
      return at(day, second);
    }
    while (true) {
      if (isWorkingDay(day)) {
        for (int i = opens.length - 1; i >= 0; i--) {
          if (second < opens[i]) {
            continue;
          }
          int end = Math.min(second, closes[i]);
          if (remaining <= end - opens[i]) {
            return at(day, (int) (end - remaining));
          }
          remaining -= end - opens[i];
        }
      }
      day = previousWorkingDay(day);
      // Whole working days before the answer's day are skipped without walking their intervals.
      while (remaining > workingSecondsPerDay) {
        remaining -= workingSecondsPerDay;
        day = previousWorkingDay(day);
      }
      second = SECONDS_PER_DAY;
    }
  }

  @Override
  public long workingMinutesBetween(LocalDateTime from, LocalDateTime to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    LocalDate firstDay = from.toLocalDate();
    LocalDate lastDay = to.toLocalDate();
    long seconds = 0;
    for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      int lower = day.equals(firstDay) ? secondOfDay(from) : 0;
      int upper = day.equals(lastDay) ? secondOfDay(to) : SECONDS_PER_DAY;
      seconds += lower == 0 && upper == SECONDS_PER_DAY ? workingSecondsPerDay : workingSecondsWithin(lower, upper);
    }
    return seconds / 60;
  }

  /**
   * The earliest instant by which the given working seconds have passed since {@code from}: {@code from} itself for
   * none. When the time runs out exactly at an interval's end the result is that end (e.g. 17:00), not the next
   * opening: the appointment is the closing of that day.
   */
  private LocalDateTime plusWorkingSeconds(LocalDateTime from, long seconds) {
    long remaining = seconds;
    LocalDate day = from.toLocalDate();
    int second = secondOfDay(from);
    if (remaining == 0) {
      return at(day, second);
    }
    if (!isWorkingDay(day)) {
      day = nextWorkingDay(day);
      second = 0;
    }
    while (true) {
      for (int i = 0; i < opens.length; i++) {
        if (second >= closes[i]) {
          continue;
        }
        int begin = Math.max(second, opens[i]);
        if (remaining <= closes[i] - begin) {
          return at(day, (int) (begin + remaining));
        }
        remaining -= closes[i] - begin;
      }
      day = nextWorkingDay(day);
      // Whole working days before the answer's day are skipped without walking their intervals.
      while (remaining > workingSecondsPerDay) {
        remaining -= workingSecondsPerDay;
        day = nextWorkingDay(day);
      }
      second = 0;
    }
  }

  /** Calendar-day limits: a due date on a day off moves to the next working day, same time of day. */
  private LocalDateTime onWorkingDay(LocalDateTime due) {
    LocalDate day = due.toLocalDate();
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return LocalDateTime.of(day, due.toLocalTime());
  }

  private LocalDateTime closingOf(LocalDate day) {
    return at(day, closes[closes.length - 1]);
  }

  private long workingSecondsWithin(int lower, int upper) {
    long seconds = 0;
    for (int i = 0; i < opens.length; i++) {
      seconds += Math.max(0, Math.min(upper, closes[i]) - Math.max(lower, opens[i]));
    }
    return seconds;
  }

  private LocalDate nextWorkingDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private LocalDate previousWorkingDay(LocalDate day) {
    LocalDate previous = day.minusDays(1);
    while (!isWorkingDay(previous)) {
      previous = previous.minusDays(1);
    }
    return previous;
  }

  private void warnOnceAboutMissingYear(int year) {
    if (yearsWarnedAbout.add(year)) {
      log.warn("No holidays are configured for {} in {}.years: only weekends count as days off that year",
          year, CalendarProperties.PREFIX);
    }
  }

  private static int secondOfDay(LocalDateTime at) {
    return at.toLocalTime().toSecondOfDay();
  }

  /** Building from the second of the day is also what drops fractions of a second. */
  private static LocalDateTime at(LocalDate day, int secondOfDay) {
    return LocalDateTime.of(day, LocalTime.ofSecondOfDay(secondOfDay));
  }
}
