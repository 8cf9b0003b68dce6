package org.motcua.reporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a breakdown groups by. The column exists with the same name in {@code dossier} and {@code report_day}, so
 * the raw path and the aggregate path group identically. Months are a series of periods, not a column.
 */
enum Dimension {
  AGENCY("agency_path"),
  PROCEDURE("procedure_code"),
  FIELD("procedure_field"),
  CHANNEL("channel"),
  MONTH(null);

  private final String column;

  Dimension(String column) {
    this.column = column;
  }

  /** The SQL column to group by; null for the series dimension MONTH. */
  String column() {
    return column;
  }

  static Optional<Dimension> parse(String value) {
    return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(value == null ? "" : value.trim()))
        .findFirst();
  }

  String param() {
    return name().toLowerCase(Locale.ROOT);
  }
}
