package org.motcua.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * The agency structure a report is read in (cơ cấu tổ chức). Both views count the same dossiers for an agency that
 * exists today, so they add up to the same totals; they differ in how the dossiers of agencies abolished since
 * (1 July 2025: districts, merged provinces and communes) are grouped.
 */
public enum Structure {
  /**
   * As received (theo cơ quan tiếp nhận): each dossier under the agency that received it, in the tree of its time;
   * an abolished agency is a unit of its own, and may itself be read as a scope.
   */
  RECEIVED,
  /**
   * In today's structure (theo cơ cấu hiện nay): each dossier under the agency of today that carries its receiving
   * agency's work (its principal successor, followed until one that exists today).
   */
  CURRENT;

  /** The view a request names; absent or blank means {@link #RECEIVED}; anything else is refused. */
  public static Structure of(String value) {
    return parse(value).orElseThrow(() -> ReportRefusal.UNKNOWN_STRUCTURE.exception(value));
  }

  /** Absent or blank means {@link #RECEIVED}, the view reports always had. */
  static Optional<Structure> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(RECEIVED);
    }
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst();
  }
}
