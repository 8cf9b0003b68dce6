package org.motcua.process.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.CalendarFixtures;

/** ISO-8601 durations in BPMN count working time on the shipped calendar; fixed dates pass through. */
class WorkingTimeBusinessCalendarTest {

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final WorkingTimeBusinessCalendar calendar =
      new WorkingTimeBusinessCalendar(CalendarFixtures.shippedCalendar(), VIETNAM, new DueDateBusinessCalendar());

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  private static Date vietnam(String isoLocal) {
    return Date.from(LocalDateTime.parse(isoLocal).atZone(VIETNAM).toInstant());
  }

  @Test
  void twoDaysAreTwoWorkingDaysFromTheGivenStart() {
    // Thursday 23 Jan 2025 09:00: Friday 24 is the first working day, Tết closes 25 Jan – 2 Feb.
    assertThat(calendar.resolveDuedate("P2D", vietnam("2025-01-23T09:00"))).isEqualTo(vietnam("2025-02-03T09:00"));
  }

  @Test
  void hoursAndMinutesAreWorkingHoursAndMinutes() {
    assertThat(calendar.resolveDuedate("PT4H", vietnam("2025-03-03T10:00"))).isEqualTo(vietnam("2025-03-03T16:00"));
    assertThat(calendar.resolveDuedate("PT30M", vietnam("2025-03-03T11:15"))).isEqualTo(vietnam("2025-03-03T13:45"));
    // 07:00 + one working day = 17:00; four more hours run 07:00–11:00 the next day.
    assertThat(calendar.resolveDuedate("P1DT4H", vietnam("2025-03-03T07:00"))).isEqualTo(vietnam("2025-03-04T11:00"));
  }

  @Test
  void theStartIsNormalizedIntoOfficeHoursFirst() {
    // Saturday evening → Monday 07:00, then one working day → Monday 17:00.
    assertThat(calendar.resolveDuedate("P1D", vietnam("2025-03-08T20:00"))).isEqualTo(vietnam("2025-03-10T17:00"));
  }

  @Test
  void withoutAStartTheEngineClockIsNow() {
    ClockUtil.setCurrentTime(vietnam("2025-04-25T09:00"));

    assertThat(calendar.resolveDuedate("P1D")).as("make-up Saturday 26 Apr").isEqualTo(vietnam("2025-04-26T09:00"));
    assertThat(calendar.resolveDuedate("P2D", (Task) null)).isEqualTo(vietnam("2025-04-28T09:00"));
    assertThat(calendar.resolveDuedate("P4D")).as("30 Apr – 4 May off").isEqualTo(vietnam("2025-05-05T09:00"));
  }

  @Test
  void aDateTimePassesThroughUnchangedEvenOnAHoliday() {
    assertThat(calendar.resolveDuedate("2025-01-28T10:00", vietnam("2025-01-23T09:00")))
        .isEqualTo(vietnam("2025-01-28T10:00"));
    assertThat(calendar.resolveDuedate("2025-02-06T02:00:00Z")).isEqualTo(vietnam("2025-02-06T09:00"));
    assertThat(calendar.resolveDuedate("2025-02-06T09:00:00+07:00")).isEqualTo(vietnam("2025-02-06T09:00"));
  }

  @Test
  void durationsWithoutAWorkingTimeMeaningAreRefused() {
    for (String duration : new String[] {"P1M", "P1W", "P1Y", "PT30S", "P", "PT", "P2DT"}) {
      assertThatThrownBy(() -> calendar.resolveDuedate(duration)).as(duration)
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("working time");
    }
  }

  @Test
  void otherExpressionsGoToTheEngineCalendar() {
    BusinessCalendar engineDefault = mock(BusinessCalendar.class);
    Date start = vietnam("2025-03-03T09:00");
    Date expected = vietnam("2025-03-03T10:00");
    when(engineDefault.resolveDuedate("R2/PT1H", start)).thenReturn(expected);
    WorkingTimeBusinessCalendar withMock =
        new WorkingTimeBusinessCalendar(CalendarFixtures.shippedCalendar(), VIETNAM, engineDefault);

    assertThat(withMock.resolveDuedate("R2/PT1H", start)).isEqualTo(expected);
    verify(engineDefault).resolveDuedate("R2/PT1H", start);
  }
}
