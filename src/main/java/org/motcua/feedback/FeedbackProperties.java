package org.motcua.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.feedback} in config/feedback.yml: the working days within which the agency must reject, ask for
 * more information, or answer a feedback, counted on the working-time calendar from its submission instant (the
 * national portal's 2 / 5 / 15 by default), and the longest title and text.
 */
@ConfigurationProperties("motcua.feedback")
public record FeedbackProperties(Limits limits, Integer maxTitle, Integer maxContent) {

  /** Working days. */
  public record Limits(Integer reject, Integer requestInformation, Integer answer) {
    public Limits {
      reject = positive(reject, 2, "reject");
      requestInformation = positive(requestInformation, 5, "request-information");
      answer = positive(answer, 15, "answer");
    }
  }

  public FeedbackProperties {
    limits = limits == null ? new Limits(null, null, null) : limits;
    maxTitle = maxTitle == null ? 200 : Math.min(maxTitle, 200);
    maxContent = maxContent == null ? 4000 : Math.min(maxContent, 4000);
  }

  private static int positive(Integer value, int fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new IllegalArgumentException("motcua.feedback.limits." + name + " must be at least 1: " + value);
    }
    return value;
  }
}
