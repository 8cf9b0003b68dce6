package org.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.motcua.calendar.CalendarFixtures;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The limits are configuration (config/feedback.yml) a province may change: the shipped 2 / 5 / 15 and a province's
 * 3 / 7 / 10, on the shipped calendar, against dates computed by hand; a limit below one day stops start-up.
 */
class FeedbackDeadlinesTest {

  // Written on Thursday 28 August 2025 at 10:00; National Day 2025: Saturday 30/8 to Tuesday 2/9 off.
  // Working days after it: Fri 29/8 (1), Wed 3/9 (2), Thu 4/9 (3), Fri 5/9 (4), Mon 8/9 (5), Tue 9/9 (6),
  // Wed 10/9 (7), Thu 11/9 (8), Fri 12/9 (9), Mon 15/9 (10), Tue 16/9 … Fri 19/9 (11–14), Mon 22/9 (15).
  static final LocalDateTime WRITTEN = LocalDateTime.of(2025, 8, 28, 10, 0);

  @Test
  void theShippedLimitsAreTheNationalPortals() throws IOException {
    FeedbackDeadlines deadlines = new FeedbackDeadlines(CalendarFixtures.shippedCalendar(),
        bind(new ClassPathResource("config/feedback.yml")));
    FeedbackDeadlines.Dates due = deadlines.from(WRITTEN);
    assertThat(due.reject()).isEqualTo(LocalDateTime.of(2025, 9, 3, 10, 0));
    assertThat(due.requestInformation()).isEqualTo(LocalDateTime.of(2025, 9, 8, 10, 0));
    assertThat(due.answer()).isEqualTo(LocalDateTime.of(2025, 9, 22, 10, 0));
  }

  @Test
  void aProvinceChangesThem() throws IOException {
    FeedbackDeadlines deadlines = new FeedbackDeadlines(CalendarFixtures.shippedCalendar(), bind(yaml("""
        motcua:
          feedback:
            limits: {reject: 3, request-information: 7, answer: 10}
        """)));
    FeedbackDeadlines.Dates due = deadlines.from(WRITTEN);
    assertThat(due.reject()).isEqualTo(LocalDateTime.of(2025, 9, 4, 10, 0));
    assertThat(due.requestInformation()).isEqualTo(LocalDateTime.of(2025, 9, 10, 10, 0));
    assertThat(due.answer()).isEqualTo(LocalDateTime.of(2025, 9, 15, 10, 0));
  }

  @Test
  void aLimitBelowOneDayIsRefused() {
    assertThatThrownBy(() -> bind(yaml("""
        motcua:
          feedback:
            limits: {reject: 0}
        """))).hasStackTraceContaining("motcua.feedback.limits.reject must be at least 1");
  }

  private static Resource yaml(String text) {
    return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test feedback");
  }

  private static FeedbackProperties bind(Resource resource) throws IOException {
    return new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader().load("feedback", resource)))
        .bindOrCreate("motcua.feedback", FeedbackProperties.class);
  }
}
