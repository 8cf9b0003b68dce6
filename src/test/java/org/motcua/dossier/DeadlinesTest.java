package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.motcua.calendar.CalendarFixtures;

/**
 * The appointment after a supplement pause, on the shipped calendar (office hours 07:00–11:30 and 13:30–17:00; no
 * holiday in March 2026). A pause that took no working time leaves the appointment where it was; the same point in
 * working time always gives the same appointment.
 */
class DeadlinesTest {

  private final Deadlines deadlines = new Deadlines(CalendarFixtures.shippedCalendar(), 8, 10, 3);

  private static LocalDateTime at(String isoLocal) {
    return LocalDateTime.parse(isoLocal);
  }

  @ParameterizedTest(name = "due {0}, asked {1}, answered {2} → {0}")
  @CsvSource({
      // closing time: asked and answered the same evening
      "2026-03-16T17:00, 2026-03-04T17:30, 2026-03-04T20:00",
      // asked at closing sharp, answered the next morning before opening
      "2026-03-16T17:00, 2026-03-04T17:00, 2026-03-05T06:45",
      // lunch: a due date at the morning closing, asked and answered over lunch
      "2026-03-16T11:30, 2026-03-04T11:45, 2026-03-04T12:30",
      // across a weekend: due on a Friday at closing, asked Friday evening, answered on Sunday
      "2026-03-13T17:00, 2026-03-06T17:15, 2026-03-08T10:00",
      // across a weekend from Friday closing sharp to Monday opening sharp
      "2026-03-13T17:00, 2026-03-06T17:00, 2026-03-09T07:00",
  })
  void aPauseWithoutWorkingTimeKeepsTheAppointment(String due, String pausedAt, String resumedAt) {
    assertThat(deadlines.afterPause(at(due), at(pausedAt), at(resumedAt))).isEqualTo(at(due));
  }

  @ParameterizedTest(name = "due {0} or {1}, paused {2}–{3} → {4}")
  @CsvSource({
      // one working hour paused (Friday 16:00 – Friday closing, then nothing over the weekend)
      "2026-03-13T17:00, 2026-03-16T07:00, 2026-03-06T16:00, 2026-03-08T10:00, 2026-03-16T08:00",
      // two working days paused, from the morning closing or the afternoon opening
      "2026-03-16T11:30, 2026-03-16T13:30, 2026-03-03T09:00, 2026-03-05T09:00, 2026-03-18T11:30",
      // half an hour paused, from a closing or the next morning
      "2026-03-16T17:00, 2026-03-17T07:00, 2026-03-04T16:30, 2026-03-04T18:00, 2026-03-17T07:30",
  })
  void theSamePointInWorkingTimeGivesTheSameAppointment(String due, String sameInstant, String pausedAt,
      String resumedAt, String moved) {
    assertThat(deadlines.afterPause(at(due), at(pausedAt), at(resumedAt))).isEqualTo(at(moved));
    assertThat(deadlines.afterPause(at(sameInstant), at(pausedAt), at(resumedAt))).isEqualTo(at(moved));
  }

  @Test
  void theReadmeExampleMovesByThePausedWorkingTime() {
    // Received Monday 2 March 09:00 (10 working days → 16 March 09:00), paused Tuesday 09:00 – Thursday 09:00.
    assertThat(deadlines.afterPause(at("2026-03-16T09:00"), at("2026-03-03T09:00"), at("2026-03-05T09:00")))
        .isEqualTo(at("2026-03-18T09:00"));
  }
}
