package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.CalendarFixtures;
import org.motcua.calendar.WorkingCalendar;

/** The colour of an inbox line, on the shipped calendar (Friday 6 Feb 2026 is a working day, then a weekend). */
class UrgencyTest {

  private final WorkingCalendar calendar = CalendarFixtures.shippedCalendar();
  private final LocalDateTime fridayMorning = LocalDateTime.of(2026, 2, 6, 9, 0);

  @Test
  void pastTheStepDeadlineIsOverdue() {
    assertThat(Urgency.of(fridayMorning.minusMinutes(1), fridayMorning, calendar)).isEqualTo(Urgency.OVERDUE);
  }

  @Test
  void laterTodayIsDueToday() {
    assertThat(Urgency.of(LocalDateTime.of(2026, 2, 6, 17, 0), fridayMorning, calendar)).isEqualTo(Urgency.TODAY);
  }

  @Test
  void withinOneWorkingDayIsSoonEvenAcrossTheWeekend() {
    // Monday 9 Feb 08:00 is three working hours after Friday 09:00 once the weekend is skipped.
    assertThat(Urgency.of(LocalDateTime.of(2026, 2, 9, 8, 0), fridayMorning, calendar)).isEqualTo(Urgency.SOON);
    assertThat(Urgency.of(LocalDateTime.of(2026, 2, 9, 9, 0), fridayMorning, calendar)).isEqualTo(Urgency.SOON);
  }

  @Test
  void furtherAwayOrWithoutDeadlineIsNormal() {
    assertThat(Urgency.of(LocalDateTime.of(2026, 2, 10, 9, 0), fridayMorning, calendar)).isEqualTo(Urgency.NORMAL);
    assertThat(Urgency.of(null, fridayMorning, calendar)).isEqualTo(Urgency.NORMAL);
  }
}
