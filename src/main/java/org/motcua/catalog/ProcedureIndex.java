package org.motcua.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What catalogue searches read, computed once per catalogue snapshot: the procedures in code order, each one's folded
 * name and code, and the procedures of each field and of each receiving agency. A province catalogue has about 2,000
 * procedures offered by 100 communes (issue 15): filtering by sorting the whole catalogue and folding every name at
 * every request cost more than the answer's target. Immutable; built from any list of procedures, so a catalogue that
 * is replaced at run time builds a new one ({@link Catalog#index()}).
 */
public final class ProcedureIndex {

  /** What it was built from, so that its owner can tell a stale index by identity. */
  private final Object source;
  private final List<Procedure> procedures;
  /** Same positions as {@link #procedures}: "name code", folded, punctuation as spaces ({@link #words}). */
  private final String[] folded;
  /** Field, lower case (the API compares fields ignoring case) → positions in code order. */
  private final Map<String, int[]> byField;
  /** Receiving agency → positions in code order. */
  private final Map<String, int[]> byAgency;
  private final Set<String> fields;

  private ProcedureIndex(Object source, Collection<Procedure> all) {
    this.source = source;
    this.procedures = all.stream().sorted(Comparator.comparing(Procedure::code)).toList();
    this.folded = new String[procedures.size()];
    Map<String, List<Integer>> fieldLists = new HashMap<>();
    Map<String, List<Integer>> agencyLists = new HashMap<>();
    TreeSet<String> fieldNames = new TreeSet<>();
    for (int i = 0; i < procedures.size(); i++) {
      Procedure p = procedures.get(i);
      folded[i] = String.join(" ", words(p.name() + " " + p.code()));
      fieldNames.add(p.field());
      fieldLists.computeIfAbsent(fieldKey(p.field()), k -> new ArrayList<>()).add(i);
      for (Offering o : p.offerings()) {
        List<Integer> list = agencyLists.computeIfAbsent(o.agencyCode(), k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != i) {
          list.add(i);
        }
      }
    }
    this.byField = positions(fieldLists);
    this.byAgency = positions(agencyLists);
    this.fields = java.util.Collections.unmodifiableSortedSet(fieldNames);
  }

  /** The index of these procedures (any order). */
  public static ProcedureIndex of(Collection<Procedure> procedures) {
    return new ProcedureIndex(procedures, procedures);
  }

  /** The index of the procedures of this map (code → procedure), remembering the map as its source. */
  static ProcedureIndex of(Map<String, Procedure> procedures) {
    return new ProcedureIndex(procedures, procedures.values());
  }

  Object source() {
    return source;
  }

  /** Every procedure, in code order. */
  public List<Procedure> procedures() {
    return procedures;
  }

  public Set<String> fields() {
    return fields;
  }

  /** The agencies that receive at least one procedure. */
  public Set<String> offeringAgencies() {
    return byAgency.keySet();
  }

  /** The procedures this agency receives, in code order. */
  public List<Procedure> offeredBy(String agencyCode) {
    return search(null, null, agencyCode);
  }

  /**
   * The procedures matching every filter given (null or blank: no filter), in code order: each of the {@code words}
   * appears in the name or code, diacritics, case and punctuation aside ("dang ky khai sinh" finds "Đăng ký khai
   * sinh", "su dung dat quyen" finds "…sử dụng đất, quyền…", "khai sinh dang ky" finds it too); {@code field} is the
   * field, case aside; {@code agency} receives it (one of its offerings).
   */
  public List<Procedure> search(String words, String field, String agency) {
    String[] text = words == null ? new String[0] : words(words);
    int[] candidates = null;
    if (field != null && !field.isBlank()) {
      candidates = byField.getOrDefault(fieldKey(field), new int[0]);
    }
    if (agency != null && !agency.isBlank()) {
      int[] offered = byAgency.getOrDefault(agency, new int[0]);
      candidates = candidates == null ? offered : intersect(candidates, offered);
    }
    List<Procedure> found = new ArrayList<>();
    int count = candidates == null ? procedures.size() : candidates.length;
    for (int k = 0; k < count; k++) {
      int i = candidates == null ? k : candidates[k];
      if (containsAll(folded[i], text)) {
        found.add(procedures.get(i));
      }
    }
    return found;
  }

  /**
   * The words of a text as searches compare them: folded ({@link Catalog#fold}), letters and digits only. A code's
   * dots become spaces on both sides, so "2.000815" still finds its procedure.
   */
  public static String[] words(String text) {
    String plain = Catalog.fold(text).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    return plain.isEmpty() ? new String[0] : plain.split(" ");
  }

  /** Each word is in the text, also as part of a longer word: the citizen may still be typing it ("khai si"). */
  private static boolean containsAll(String text, String[] words) {
    for (String word : words) {
      if (!text.contains(word)) {
        return false;
      }
    }
    return true;
  }

  private static String fieldKey(String field) {
    return field.trim().toLowerCase(Locale.ROOT);
  }

  private static Map<String, int[]> positions(Map<String, List<Integer>> lists) {
    Map<String, int[]> result = new HashMap<>();
    lists.forEach((key, list) -> result.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
    return Map.copyOf(result);
  }

  /** Both sorted ascending. */
  private static int[] intersect(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int n = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
