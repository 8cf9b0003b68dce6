package org.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Appointment dates (ngày hẹn trả) on the shipped calendar, with the real holidays of 2024–2026. Times are
 * Asia/Ho_Chi_Minh local; office hours 07:00–11:30 and 13:30–17:00.
 */
class ConfiguredWorkingCalendarTest {

  private final WorkingCalendar calendar = CalendarFixtures.shippedCalendar();

  private static LocalDateTime at(String isoLocal) {
    return LocalDateTime.parse(isoLocal);
  }

  private LocalDateTime workingDays(String receivedAt, int days) {
    return calendar.due(at(receivedAt), TimeLimit.workingDays(days));
  }

  /** The reference for the minute-by-minute walks: a minute of office hours on a working day. */
  private boolean isWorkingMinute(LocalDateTime t) {
    LocalTime time = t.toLocalTime();
    boolean inHours = !time.isBefore(LocalTime.of(7, 0)) && time.isBefore(LocalTime.of(11, 30))
        || !time.isBefore(LocalTime.of(13, 30)) && time.isBefore(LocalTime.of(17, 0));
    return inHours && calendar.isWorkingDay(t.toLocalDate());
  }

  @Test
  void domainExampleSkipsTet2025() {
    // Thursday 23 Jan 2025 09:00 + 5 working days: Tết runs Saturday 25 Jan – Sunday 2 Feb.
    assertThat(workingDays("2025-01-23T09:00", 5)).isEqualTo(at("2025-02-06T09:00"));
  }

  @Test
  void oneWorkingDayIsEightWorkingHours() {
    assertThat(calendar.workingMinutesPerDay()).isEqualTo(480);
  }

  @Nested
  class AnnouncedHolidays {

    @Test
    void reunificationAndLabourDay2025WithSaturday26AprilWorked() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).as("Saturday 26 Apr, made up").isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).as("Friday 2 May, swapped").isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 30))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 1))).isFalse();
      assertThat(workingDays("2025-04-25T09:00", 1)).isEqualTo(at("2025-04-26T09:00"));
      assertThat(workingDays("2025-04-29T09:00", 1)).isEqualTo(at("2025-05-05T09:00"));
    }

    @Test
    void reunificationAndLabourDay2024WithSaturday4MayWorked() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 29))).as("Monday 29 Apr, swapped").isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 4))).as("Saturday 4 May, made up").isTrue();
      assertThat(workingDays("2024-04-26T09:00", 1)).isEqualTo(at("2024-05-02T09:00"));
      assertThat(workingDays("2024-05-03T09:00", 2)).isEqualTo(at("2024-05-06T09:00"));
    }

    @Test
    void nationalDay2025IsFirstAndSecondSeptember() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 1))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 2))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 3))).isTrue();
      assertThat(workingDays("2025-08-29T09:00", 1)).isEqualTo(at("2025-09-03T09:00"));
    }

    @Test
    void nationalDay2024IsSecondAndThirdSeptember() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 2))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2024, 9, 3))).isFalse();
      assertThat(workingDays("2024-08-30T09:00", 1)).isEqualTo(at("2024-09-04T09:00"));
    }

    @Test
    void newYear2026WithSaturday10JanuaryWorked() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 2))).as("Friday 2 Jan, swapped").isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 10))).as("Saturday 10 Jan, made up").isTrue();
      assertThat(workingDays("2025-12-31T09:00", 1)).isEqualTo(at("2026-01-05T09:00"));
      assertThat(workingDays("2026-01-09T09:00", 1)).isEqualTo(at("2026-01-10T09:00"));
    }

    @Test
    void tet2026RunsFourteenthToTwentySecondFebruary() {
      for (LocalDate day = LocalDate.of(2026, 2, 14); !day.isAfter(LocalDate.of(2026, 2, 22)); day = day.plusDays(1)) {
        assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse();
      }
      assertThat(workingDays("2026-02-13T09:00", 1)).isEqualTo(at("2026-02-23T09:00"));
    }

    @Test
    void hungKings2026OnSundayIsMadeUpOnMonday() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
      assertThat(workingDays("2026-04-24T09:00", 1)).isEqualTo(at("2026-04-28T09:00"));
    }

    @Test
    void nationalDay2026WithSaturday22AugustWorked() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();
      assertThat(workingDays("2026-08-28T09:00", 1)).isEqualTo(at("2026-09-03T09:00"));
    }

    @Test
    void aYearWithoutNoticesOnlyHasWeekendsOff() {
      assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 1))).as("Tuesday, not configured").isTrue();
      assertThat(calendar.isWorkingDay(LocalDate.of(2030, 1, 5))).as("Saturday").isFalse();
    }
  }

  @Nested
  class Normalization {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2025-03-03T06:30, 2025-03-03T07:00",  // before opening
        "2025-03-03T09:15, 2025-03-03T09:15",  // inside office hours
        "2025-03-03T11:30, 2025-03-03T13:30",  // morning closing
        "2025-03-03T12:10, 2025-03-03T13:30",  // lunch break
        "2025-03-03T17:00, 2025-03-04T07:00",  // closing
        "2025-03-07T18:00, 2025-03-10T07:00",  // Friday evening
        "2025-03-08T10:00, 2025-03-10T07:00",  // Saturday
        "2025-01-24T16:59, 2025-01-24T16:59",  // last minute before Tết
        "2025-01-28T10:00, 2025-02-03T07:00",  // during Tết
        "2025-04-26T08:00, 2025-04-26T08:00",  // make-up Saturday
    })
    void movesIntoOfficeHours(String received, String normalized) {
      assertThat(calendar.normalize(at(received))).isEqualTo(at(normalized));
    }

    @Test
    void keepsSecondsAndDropsFractions() {
      assertThat(calendar.normalize(at("2025-03-03T09:15:42.123456"))).isEqualTo(at("2025-03-03T09:15:42"));
      assertThat(workingDays("2025-03-03T09:00:40", 1)).isEqualTo(at("2025-03-04T09:00:40"));
    }
  }

  @Nested
  class WorkingDaysAndHours {

    @Test
    void receivedAtLunchCountsFromTheAfternoonOpening() {
      assertThat(calendar.due(at("2025-03-03T12:15"), TimeLimit.workingHours(2))).isEqualTo(at("2025-03-03T15:30"));
    }

    @Test
    void receivedAfterHoursCountsFromTheNextOpeningAndEndsAtClosing() {
      // Monday 18:00 → Tuesday 07:00; one working day later is Tuesday 17:00, not Wednesday 07:00.
      assertThat(workingDays("2025-03-03T18:00", 1)).isEqualTo(at("2025-03-04T17:00"));
    }

    @Test
    void receivedOnAWeekendCountsFromMonday() {
      assertThat(workingDays("2025-03-08T10:00", 1)).isEqualTo(at("2025-03-10T17:00"));
      assertThat(workingDays("2025-03-08T10:00", 2)).isEqualTo(at("2025-03-11T17:00"));
    }

    @ParameterizedTest(name = "{0} + {1} h → {2}")
    @CsvSource({
        "2025-03-03T10:00, 2, 2025-03-03T14:00",  // across lunch
        "2025-03-03T16:00, 4, 2025-03-04T10:00",  // across the night
        "2025-03-07T16:00, 4, 2025-03-10T10:00",  // across the weekend
        "2025-03-03T09:30, 2, 2025-03-03T11:30",  // ends exactly at the morning closing
        "2025-03-03T13:30, 3, 2025-03-03T16:30",
        "2025-03-03T07:00, 8, 2025-03-03T17:00",  // ends exactly at closing
        "2025-03-03T07:00, 0, 2025-03-03T07:00",
        "2025-01-24T16:00, 2, 2025-02-03T08:00",  // across Tết
    })
    void workingHours(String received, int hours, String due) {
      assertThat(calendar.due(at(received), TimeLimit.workingHours(hours))).isEqualTo(at(due));
    }

    @Test
    void minutesEndAtAnIntervalEndOrMoveOnToTheNextOpening() {
      assertThat(calendar.plusWorkingMinutes(at("2025-03-03T11:00"), 30)).isEqualTo(at("2025-03-03T11:30"));
      assertThat(calendar.plusWorkingMinutes(at("2025-03-03T11:00"), 31)).isEqualTo(at("2025-03-03T13:31"));
    }

    @Test
    void sixtyWorkingDaysSpanAboutThreeMonthsAndStayFast() {
      LocalDateTime due = assertTimeoutPreemptively(Duration.ofMillis(500),
          () -> workingDays("2025-01-23T09:00", 60));
      assertThat(calendar.workingMinutesBetween(at("2025-01-23T09:00"), due)).isEqualTo(60 * 480);
      assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
      // Tết (27–31 Jan) and Giỗ Tổ (7 Apr) are the weekdays off on the way.
      assertThat(due).isEqualTo(at("2025-04-25T09:00"));
    }

    @Test
    void aNegativeLimitIsRefused() {
      assertThatThrownBy(() -> workingDays("2025-03-03T09:00", -1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * A closing instant (11:30, 17:00, Friday 17:00) and the next opening are the same point in working time. Adding
   * or taking away no working time leaves an instant where it is, and adding some gives the same answer from either
   * side of the gap.
   */
  @Nested
  class TheSameInstantInWorkingTime {

    @ParameterizedTest(name = "{0} + 0 min stays")
    @CsvSource({
        "2025-03-03T17:00",  // closing time
        "2025-03-03T11:30",  // the start of lunch
        "2025-03-07T17:00",  // Friday closing, before the weekend
        "2025-01-24T17:00",  // the last closing before Tết
        "2025-03-03T07:00",  // an opening
        "2025-03-03T09:15",  // inside office hours
    })
    void addingNoWorkingTimeDoesNotMoveAnInstant(String instant) {
      assertThat(calendar.plusWorkingMinutes(at(instant), 0)).isEqualTo(at(instant));
      assertThat(calendar.minusWorkingMinutes(at(instant), 0)).isEqualTo(at(instant));
    }

    @ParameterizedTest(name = "{0} and {1} + {2} min → {3}")
    @CsvSource({
        "2025-03-03T17:00, 2025-03-04T07:00, 60, 2025-03-04T08:00",  // across the night
        "2025-03-03T11:30, 2025-03-03T13:30, 30, 2025-03-03T14:00",  // across lunch
        "2025-03-07T17:00, 2025-03-10T07:00, 60, 2025-03-10T08:00",  // across the weekend
        "2025-01-24T17:00, 2025-02-03T07:00, 1, 2025-02-03T07:01",   // across Tết
        "2025-03-07T17:00, 2025-03-10T07:00, 480, 2025-03-10T17:00", // a whole day ends at a closing
    })
    void bothSidesOfAGapGiveTheSameResult(String closing, String opening, int minutes, String expected) {
      assertThat(calendar.workingMinutesBetween(at(closing), at(opening))).isZero();
      assertThat(calendar.plusWorkingMinutes(at(closing), minutes)).isEqualTo(at(expected));
      assertThat(calendar.plusWorkingMinutes(at(opening), minutes)).isEqualTo(at(expected));
    }

    @Test
    void addingLandsOnTheEarliestInstantAndKeepsNoFractionsOfASecond() {
      assertThat(calendar.plusWorkingMinutes(at("2025-03-03T17:00:00.5"), 0)).isEqualTo(at("2025-03-03T17:00"));
      // From outside office hours some working time starts at the next opening; none leaves the instant alone.
      assertThat(calendar.plusWorkingMinutes(at("2025-03-08T10:00"), 1)).isEqualTo(at("2025-03-10T07:01"));
      assertThat(calendar.plusWorkingMinutes(at("2025-03-03T12:10"), 1)).isEqualTo(at("2025-03-03T13:31"));
      assertThat(calendar.plusWorkingMinutes(at("2025-03-08T10:00"), 0)).isEqualTo(at("2025-03-08T10:00"));
      assertThat(calendar.minusWorkingMinutes(at("2025-03-08T10:00"), 0)).isEqualTo(at("2025-03-08T10:00"));
    }

    @Test
    void addingAgreesWithAMinuteByMinuteCountFromAnyInstant() {
      // Like the round trip below, but from instants on the minute grid including closings and days off, and with
      // small amounts (0 among them) so the edges are hit: the earliest instant by which that much time has passed.
      Random random = new Random(15);
      LocalDateTime first = at("2025-01-20T00:00");
      for (int i = 0; i < 2000; i++) {
        LocalDateTime from = first.plusMinutes(30L * random.nextInt(30 * 48));
        int minutes = random.nextInt(5) == 0 ? 0 : random.nextInt(3 * 480);
        LocalDateTime due = calendar.plusWorkingMinutes(from, minutes);
        LocalDateTime walked = from;
        for (int left = minutes; left > 0; walked = walked.plusMinutes(1)) {
          if (isWorkingMinute(walked)) {
            left--;
          }
        }
        assertThat(due).as("%s + %d min", from, minutes).isEqualTo(walked);
        assertThat(calendar.workingMinutesBetween(from, due)).isEqualTo(minutes);
      }
    }
  }

  @Nested
  class CalendarDays {

    @ParameterizedTest(name = "{0} + {1} days → {2}")
    @CsvSource({
        "2025-03-06T09:00, 2, 2025-03-10T09:00",  // lands on Saturday → Monday, same time
        "2025-01-22T10:00, 3, 2025-02-03T10:00",  // lands on Tết → first day after
        "2025-04-25T09:00, 5, 2025-05-05T09:00",  // lands on 30 Apr → after the 30/4–4/5 break
        "2025-04-21T09:00, 5, 2025-04-26T09:00",  // lands on the make-up Saturday, a working day
        "2025-03-03T12:00, 1, 2025-03-04T13:30",  // received at lunch: counts from 13:30
        "2025-03-08T10:00, 1, 2025-03-11T07:00",  // received Saturday: counts from Monday 07:00
    })
    void calendarDays(String received, int days, String due) {
      assertThat(calendar.due(at(received), TimeLimit.calendarDays(days))).isEqualTo(at(due));
    }
  }

  @Nested
  class SameDay {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2025-03-03T14:59, 2025-03-03T17:00",  // before the cut-off
        "2025-03-03T12:00, 2025-03-03T17:00",  // lunch: 13:30 is before the cut-off
        "2025-03-03T15:00, 2025-03-04T17:00",  // at the cut-off
        "2025-03-03T16:30, 2025-03-04T17:00",  // after the cut-off
        "2025-03-03T18:00, 2025-03-04T17:00",  // after closing: tomorrow 07:00 is before the cut-off
        "2025-03-07T15:30, 2025-03-10T17:00",  // Friday afternoon → Monday
        "2025-03-08T09:00, 2025-03-10T17:00",  // Saturday → Monday
        "2025-01-24T15:30, 2025-02-03T17:00",  // the last afternoon before Tết
    })
    void sameDay(String received, String due) {
      assertThat(calendar.due(at(received), TimeLimit.sameDay())).isEqualTo(at(due));
    }
  }

  @Nested
  class MinusAndBetween {

    @Test
    void domainExampleBackwards() {
      assertThat(calendar.minusWorkingMinutes(at("2025-02-06T09:00"), 5 * 480)).isEqualTo(at("2025-01-23T09:00"));
      assertThat(calendar.workingMinutesBetween(at("2025-01-23T09:00"), at("2025-02-06T09:00"))).isEqualTo(5 * 480);
    }

    @Test
    void countingBackStopsAtAnOpeningRatherThanThePreviousClosing() {
      assertThat(calendar.minusWorkingMinutes(at("2025-03-03T17:00"), 480)).isEqualTo(at("2025-03-03T07:00"));
      assertThat(calendar.minusWorkingMinutes(at("2025-03-03T13:30"), 0)).isEqualTo(at("2025-03-03T13:30"));
      assertThat(calendar.minusWorkingMinutes(at("2025-03-03T14:00"), 60)).isEqualTo(at("2025-03-03T11:00"));
      assertThat(calendar.minusWorkingMinutes(at("2025-03-10T07:00"), 1)).isEqualTo(at("2025-03-07T16:59"));
      assertThat(calendar.minusWorkingMinutes(at("2025-03-08T10:00"), 60)).isEqualTo(at("2025-03-07T16:00"));
    }

    @Test
    void betweenIgnoresNightsWeekendsAndHolidays() {
      assertThat(calendar.workingMinutesBetween(at("2025-03-03T11:00"), at("2025-03-03T14:00"))).isEqualTo(60);
      assertThat(calendar.workingMinutesBetween(at("2025-03-07T16:00"), at("2025-03-10T08:00"))).isEqualTo(120);
      assertThat(calendar.workingMinutesBetween(at("2025-01-24T17:00"), at("2025-02-03T07:00"))).isZero();
      assertThat(calendar.workingMinutesBetween(at("2025-03-04T09:00"), at("2025-03-03T09:00"))).isZero();
    }

    @Test
    void roundTripsAgreeWithAMinuteByMinuteCount() {
      // A naive reference walks minute by minute; the calendar must agree with it everywhere in 2024–2026.
      Random random = new Random(20250123);
      LocalDateTime first = at("2024-01-01T00:00");
      for (int i = 0; i < 300; i++) {
        LocalDateTime from = first.plusMinutes(random.nextInt(3 * 365 * 24 * 60 - 60 * 24 * 60));
        int minutes = random.nextInt(10 * 480);

        LocalDateTime due = calendar.plusWorkingMinutes(from, minutes);

        assertThat(due).as("%s + %d min", from, minutes).isEqualTo(referencePlus(from, minutes));
        assertThat(calendar.minusWorkingMinutes(due, minutes)).as("back from %s", due)
            .isEqualTo(calendar.normalize(from));
        assertThat(calendar.workingMinutesBetween(from, due)).isEqualTo(minutes);
      }
    }

    private LocalDateTime referencePlus(LocalDateTime from, int minutes) {
      LocalDateTime t = calendar.normalize(from);
      int remaining = minutes;
      while (remaining > 0) {
        if (isWorkingMinute(t)) {
          remaining--;
        }
        t = t.plusMinutes(1);
      }
      return t;
    }
  }
}
