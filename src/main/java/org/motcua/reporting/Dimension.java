package org.motcua.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a breakdown groups by. The column exists with the same name in {@code dossier} and {@code report_day}, so
 * the raw path and the aggregate path group identically (agencies and levels both group the agency path, then roll
 * up). Months, quarters and years are series of periods, not columns: {@link #months} is the length of one period.
 */
enum Dimension {
  AGENCY("agency_path", 0),
  LEVEL("agency_path", 0),
  PROCEDURE("procedure_code", 0),
  FIELD("procedure_field", 0),
  CHANNEL("channel", 0),
  MONTH(null, 1),
  QUARTER(null, 3),
  YEAR(null, 12);

  private final String column;
  private final int months;

  Dimension(String column, int months) {
    this.column = column;
    this.months = months;
  }

  /** The SQL column to group by; null for the series dimensions. */
  String column() {
    return column;
  }

  /** For a series, the calendar months in one period (1, 3 or 12); 0 otherwise. */
  int months() {
    return months;
  }

  boolean isSeries() {
    return months > 0;
  }

  static Optional<Dimension> parse(String value) {
    return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(value == null ? "" : value.trim()))
        .findFirst();
  }

  String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
