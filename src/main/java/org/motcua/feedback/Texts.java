package org.motcua.feedback;

/** The checks every text of a feedback goes through. */
final class Texts {

  private Texts() {
  }

  /** The trimmed text, or the refusal when empty, or FEEDBACK_TEXT_TOO_LONG over {@code max} characters. */
  static String required(String text, FeedbackRefusal empty, int max) {
    if (text == null || text.isBlank()) {
      throw empty.exception();
    }
    String t = text.strip();
    if (t.length() > max) {
      throw FeedbackRefusal.FEEDBACK_TEXT_TOO_LONG.exception(max);
    }
    return t;
  }
}
