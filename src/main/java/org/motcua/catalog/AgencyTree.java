package org.motcua.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agencies over time: every agency that ever received dossiers, each with its validity period and, once
 * abolished, its successors. Checked when loaded, so that resolving an old agency to today's structure always ends on
 * an agency that exists today:
 * <ul>
 *   <li>{@code validFrom} ≤ {@code validTo}; an agency's period lies within its parent's (a unit exists only while
 *       the one above it does);</li>
 *   <li>an agency with {@code validTo} names its {@code successors} (the first is the principal one) or says
 *       {@code dissolved: true} (giải thể without successor: its history goes to its parent's successor), never both;
 *       one without {@code validTo} has neither;</li>
 *   <li>each successor exists, is another agency and exists on the day after {@code validTo}; following successors
 *       never comes back to an agency (no cycle).</li>
 * </ul>
 * "Today" is the day the catalogue was loaded (start-up), like every other change of {@code config/}.
 */
final class AgencyTree {

  private final Map<String, Agency> agencies;
  private final LocalDate today;
  private final Map<String, List<Agency>> children = new HashMap<>();

  AgencyTree(Map<String, Agency> agencies, LocalDate today) {
    this.agencies = Map.copyOf(agencies);
    this.today = today;
    for (Agency a : agencies.values()) {
      if (a.parentCode() != null) {
        children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
      }
    }
    children.values().forEach(list -> list.sort(Comparator.comparing(Agency::code)));
    // In code order, so that a file with several mistakes always names the same one first.
    List<Agency> inOrder = agencies.values().stream().sorted(Comparator.comparing(Agency::code)).toList();
    inOrder.forEach(this::check);
    inOrder.forEach(a -> checkNoCycle(a, new LinkedHashMap<>()));
  }

  private void check(Agency a) {
    if (a.validFrom() != null && a.validTo() != null && a.validTo().isBefore(a.validFrom())) {
      throw fail(a, "validTo", "ends (" + a.validTo() + ") before it starts (" + a.validFrom() + ")");
    }
    Agency parent = a.parentCode() == null ? null : agencies.get(a.parentCode());
    if (parent != null && parent.validFrom() != null
        && (a.validFrom() == null || a.validFrom().isBefore(parent.validFrom()))) {
      throw fail(a, "validFrom", "starts before its parent '" + parent.code() + "' (" + parent.validFrom() + ")");
    }
    if (parent != null && parent.validTo() != null && (a.validTo() == null || a.validTo().isAfter(parent.validTo()))) {
      throw fail(a, "validTo", "ends after its parent '" + parent.code() + "' (" + parent.validTo() + ")");
    }
    if (a.validTo() == null) {
      if (!a.successors().isEmpty() || a.dissolved()) {
        throw fail(a, a.dissolved() ? "dissolved" : "successors", "only an agency with 'validTo' has successors or "
            + "is dissolved");
      }
      return;
    }
    if (a.dissolved() == !a.successors().isEmpty()) {
      throw fail(a, "successors", a.dissolved() ? "a dissolved agency has no successor"
          : "an agency with 'validTo' names its successors, or says 'dissolved: true'");
    }
    if (a.dissolved() && parent == null) {
      throw fail(a, "dissolved", "an agency without parent cannot be dissolved: name its successors");
    }
    LocalDate after = a.validTo().plusDays(1);
    Set<String> seen = new HashSet<>();
    for (String code : a.successors()) {
      Agency successor = agencies.get(code);
      if (successor == null) {
        throw fail(a, "successors", "unknown agency '" + code + "'");
      }
      if (code.equals(a.code()) || !seen.add(code)) {
        throw fail(a, "successors", "'" + code + "' named twice or the agency itself");
      }
      if (!successor.isValidOn(after)) {
        throw fail(a, "successors", "'" + code + "' does not exist on " + after + ", the day after 'validTo'");
      }
    }
  }

  private void checkNoCycle(Agency a, Map<String, Boolean> path) {
    if (path.containsKey(a.code())) {
      throw fail(a, "successors", "cycle " + String.join(" → ", path.keySet()) + " → " + a.code());
    }
    path.put(a.code(), true);
    for (String code : a.successors()) {
      checkNoCycle(agencies.get(code), path);
    }
    path.remove(a.code());
  }

  private static CatalogException fail(Agency a, String field, String problem) {
    return new CatalogException(CatalogLoader.AGENCIES_FILE + ": cơ quan '" + a.code() + "': field '" + field + "': "
        + problem);
  }

  LocalDate today() {
    return today;
  }

  Agency get(String code) {
    return code == null ? null : agencies.get(code);
  }

  Map<String, Agency> all() {
    return agencies;
  }

  List<Agency> childrenOf(String code) {
    return children.getOrDefault(code, List.of());
  }

  /**
   * The agency of today's structure that carries this one's work: itself unless abolished; else its principal
   * successor, or for a dissolved one its parent's, followed until an agency that has not been abolished.
   */
  Agency current(Agency agency) {
    Agency a = agency;
    while (a.isAbolishedOn(today)) {
      a = a.dissolved() ? agencies.get(a.parentCode()) : agencies.get(a.successors().get(0));
    }
    return a;
  }
}
