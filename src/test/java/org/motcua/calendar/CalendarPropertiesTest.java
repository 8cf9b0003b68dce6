package org.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

/** Loading {@code config/calendar.yml}: the shipped file binds, a broken one is refused with a clear reason. */
class CalendarPropertiesTest {

  @Test
  void shippedCalendarBindsWithOfficeHoursAndThreeAnnouncedYears() {
    CalendarProperties properties = CalendarFixtures.shippedProperties();

    assertThat(properties.officeHours()).extracting(CalendarProperties.Interval::toString)
        .containsExactly("07:00–11:30", "13:30–17:00");
    assertThat(properties.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(properties.sameDayCutoff()).isEqualTo(LocalTime.of(15, 0));
    assertThat(properties.years()).containsKeys(2024, 2025, 2026);
    assertThat(properties.year(2025).holidays())
        .anySatisfy(h -> {
          assertThat(h.name()).isEqualTo("Tết Nguyên đán Ất Tỵ");
          assertThat(h.from()).isEqualTo(LocalDate.of(2025, 1, 25));
          assertThat(h.to()).isEqualTo(LocalDate.of(2025, 2, 2));
        });
    assertThat(properties.year(2025).makeUpDays()).extracting(CalendarProperties.MakeUpDay::date)
        .containsExactly(LocalDate.of(2025, 4, 26));
  }

  @Test
  void everyShippedYearHasTheStatutoryHolidays() {
    CalendarProperties properties = CalendarFixtures.shippedProperties();
    for (int year : new int[] {2024, 2025, 2026}) {
      assertThat(properties.year(year).holidays()).extracting(CalendarProperties.Holiday::name)
          .as("holidays of %d", year)
          .anyMatch(n -> n.startsWith("Tết Dương lịch"))
          .anyMatch(n -> n.startsWith("Tết Nguyên đán"))
          .anyMatch(n -> n.startsWith("Giỗ Tổ Hùng Vương"))
          .anyMatch(n -> n.contains("30/4"))
          .anyMatch(n -> n.startsWith("Quốc khánh"));
    }
  }

  @Test
  void anEmptyConfigurationMeansTheDefaultOfficeHours() {
    CalendarProperties properties = CalendarFixtures.bindYaml("other: 1\n");

    assertThat(properties.officeHours()).hasSize(2);
    assertThat(properties.weekend()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(properties.sameDayCutoff()).isEqualTo(LocalTime.of(15, 0));
    assertThat(properties.years()).isEmpty();
  }

  @Test
  void overlappingOfficeHoursAreRefused() {
    assertRefused("""
        motcua.calendar.office-hours:
          - {from: "07:00", to: "12:00"}
          - {from: "11:30", to: "17:00"}
        """, "office-hours", "must not overlap");
  }

  @Test
  void unsortedOfficeHoursAreRefused() {
    assertRefused("""
        motcua.calendar.office-hours:
          - {from: "13:30", to: "17:00"}
          - {from: "07:00", to: "11:30"}
        """, "office-hours", "sorted");
  }

  @Test
  void anIntervalEndingBeforeItStartsIsRefused() {
    assertRefused("""
        motcua.calendar.office-hours:
          - {from: "11:30", to: "07:00"}
        """, "office-hours", "does not end after it starts");
  }

  @Test
  void aCutoffOutsideOfficeHoursIsRefused() {
    assertRefused("motcua.calendar.same-day-cutoff: \"18:00\"\n", "same-day-cutoff", "outside office hours");
  }

  @Test
  void aWeekWithoutWorkingDaysIsRefused() {
    assertRefused("motcua.calendar.weekend: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY]\n",
        "weekend", "every day");
  }

  @Test
  void aMakeUpDayThatIsNotAWeekendDayIsRefused() {
    assertRefused("""
        motcua.calendar.years.2025.make-up-days:
          - {date: 2025-04-25, name: Thứ Sáu}
        """, "years.2025.make-up-days", "not a weekend day");
  }

  @Test
  void aMakeUpDayInsideAHolidayIsRefused() {
    assertRefused("""
        motcua.calendar.years.2025:
          holidays:
            - {from: 2025-01-25, to: 2025-02-02, name: Tết Nguyên đán}
          make-up-days:
            - {date: 2025-02-01, name: Thứ Bảy}
        """, "years.2025.make-up-days", "also a holiday");
  }

  @Test
  void aRangeEndingBeforeItStartsIsRefused() {
    assertRefused("""
        motcua.calendar.years.2025.holidays:
          - {from: 2025-02-02, to: 2025-01-25, name: Tết Nguyên đán}
        """, "Tết Nguyên đán", "ends (2025-01-25) before it starts (2025-02-02)");
  }

  @Test
  void aHolidayFiledUnderTheWrongYearIsRefused() {
    assertRefused("""
        motcua.calendar.years.2025.holidays:
          - {date: 2024-09-02, name: Quốc khánh}
        """, "years.2025.holidays", "outside 2025");
  }

  @Test
  void aHolidayWithoutDatesIsRefused() {
    assertRefused("""
        motcua.calendar.years.2025.holidays:
          - {name: Quốc khánh}
        """, "Quốc khánh", "needs either 'date' or both 'from' and 'to'");
  }

  private static void assertRefused(String yaml, String... fragments) {
    assertThatThrownBy(() -> CalendarFixtures.bindYaml(yaml))
        .isInstanceOf(BindException.class)
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid working calendar at motcua.calendar.")
        .hasMessageContainingAll(fragments);
  }
}
