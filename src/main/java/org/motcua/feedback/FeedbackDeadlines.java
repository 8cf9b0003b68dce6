package org.motcua.feedback;

import java.time.LocalDateTime;
import org.motcua.calendar.TimeLimit;
import org.motcua.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The three limits of a feedback, in working days on the office calendar (config/calendar.yml) from its submission
 * instant, as every due date is counted (DOMAIN.md "Time": the instant is normalized to office hours first).
 */
@Component
public class FeedbackDeadlines {

  /** The instants by which the agency must reject, ask for more information, and answer. */
  public record Dates(LocalDateTime reject, LocalDateTime requestInformation, LocalDateTime answer) {
  }

  private final WorkingCalendar calendar;
  private final FeedbackProperties.Limits limits;

  FeedbackDeadlines(WorkingCalendar calendar, FeedbackProperties properties) {
    this.calendar = calendar;
    this.limits = properties.limits();
  }

  public Dates from(LocalDateTime submittedAt) {
    return new Dates(calendar.due(submittedAt, TimeLimit.workingDays(limits.reject())),
        calendar.due(submittedAt, TimeLimit.workingDays(limits.requestInformation())),
        calendar.due(submittedAt, TimeLimit.workingDays(limits.answer())));
  }

  FeedbackProperties.Limits limits() {
    return limits;
  }
}
