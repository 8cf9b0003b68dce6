package org.motcua.reporting;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.motcua.catalog.Catalog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which dossiers a report counts, as conditions on the path each was received under ({@code /root/…/code/}): LIKE
 * patterns, any of which admits a dossier. {@code %/X/%} admits everything received by X or below it, {@code %/X/}
 * only what X itself received.
 *
 * @param agency the scope's agency, null for everything (an admin without agency)
 * @param structure the view the report is read in
 * @param patterns at least one
 */
record ReportScope(String agency, Structure structure, List<String> patterns) {

  /** The text the SQL statements of this package filter with; replaced by {@link #condition()}. */
  static final String FILTER = "agency_path like :agencyPattern";

  ReportScope {
    patterns = List.copyOf(patterns);
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("a scope needs at least one pattern");
    }
  }

  /** Everything (agency null), or one agency's subtree as received: the scope reports always had. */
  static ReportScope subtree(String agency) {
    return new ReportScope(agency, Structure.RECEIVED, List.of(agency == null ? "%" : "%/" + agency + "/%"));
  }

  /** What counts for an agency of today in either view: its subtree and the agencies it took over. */
  static ReportScope history(String agency, Structure structure, Catalog.History history) {
    List<String> patterns = new java.util.ArrayList<>();
    history.subtrees().forEach(c -> patterns.add("%/" + c + "/%"));
    history.single().forEach(c -> patterns.add("%/" + c + "/"));
    return new ReportScope(agency, structure, patterns);
  }

  /** The SQL condition, over parameters {@code agencyPattern0}, {@code agencyPattern1}, …. */
  String condition() {
    return IntStream.range(0, patterns.size()).mapToObj(i -> "agency_path like :agencyPattern" + i)
        .collect(Collectors.joining(" or ", "(", ")"));
  }

  /** Adds the patterns' parameters. */
  MapSqlParameterSource bind(MapSqlParameterSource params) {
    for (int i = 0; i < patterns.size(); i++) {
      params.addValue("agencyPattern" + i, patterns.get(i));
    }
    return params;
  }

  /** The statement with {@link #FILTER} replaced by this scope's condition. */
  String apply(String sql) {
    if (!sql.contains(FILTER)) {
      throw new IllegalStateException("no agency filter in " + sql);
    }
    return sql.replace(FILTER, condition());
  }
}
