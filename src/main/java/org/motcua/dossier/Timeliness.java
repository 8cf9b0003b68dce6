package org.motcua.dossier;

import java.time.LocalDateTime;

/** How a dossier whose handling ended compares with its appointment date (DOMAIN.md, "Time"). */
public enum Timeliness {
  /** Trước hạn: ended on a calendar day before the due date's day. */
  EARLY,
  /** Đúng hạn: ended on the due date's day, not after the due instant. */
  ON_TIME,
  /** Quá hạn: ended after the due instant, or more than one supplement request was made. */
  LATE;

  public static Timeliness classify(LocalDateTime endedAt, LocalDateTime dueAt, int supplementRequests) {
    if (supplementRequests > 1 || endedAt.isAfter(dueAt)) {
      return LATE;
    }
    return endedAt.toLocalDate().isBefore(dueAt.toLocalDate()) ? EARLY : ON_TIME;
  }
}
