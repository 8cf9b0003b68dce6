package org.motcua.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The procedure catalog (danh mục thủ tục) and the agency hierarchy, read once from {@code config/} at start-up.
 * Every node reads the same files, so there is no cache to go stale across a cluster.
 */
@Service
public class Catalog {

  /** Kinds of commune-level place in an agency's name, folded: thị trấn, phường, xã, đặc khu. */
  private static final List<String> PLACE_KINDS = List.of("thi tran ", "phuong ", "xa ", "dac khu ");

  private final Map<String, Agency> agencies;
  private final AgencyTree tree;
  private final Map<String, Procedure> procedures;

  /** Today's structure is the one in force on the day the service starts (see {@link AgencyTree}). */
  @Autowired
  Catalog(ResourceLoader resources, @Value("${motcua.config-dir:classpath:config/}") String configDir, Clock clock) {
    this(resources, configDir, LocalDate.now(clock));
  }

  Catalog(ResourceLoader resources, String configDir) {
    this(resources, configDir, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
  }

  Catalog(ResourceLoader resources, String configDir, LocalDate today) {
    CatalogLoader loader = new CatalogLoader(resources, configDir, today);
    this.agencies = Map.copyOf(loader.loadAgencies());
    this.tree = new AgencyTree(agencies, today);
    this.procedures = Map.copyOf(loader.loadProcedures(agencies));
  }

  /** The agencies of today's structure (for pickers and offerings), in code order; see {@link #allAgencies()}. */
  public Collection<Agency> agencies() {
    return agencies.values().stream().filter(a -> a.isValidOn(tree.today()))
        .sorted(java.util.Comparator.comparing(Agency::code)).toList();
  }

  /** Every agency of the configuration, abolished and future ones included, in code order. */
  public Collection<Agency> allAgencies() {
    return agencies.values().stream().sorted(java.util.Comparator.comparing(Agency::code)).toList();
  }

  /** Any agency by its code, including one abolished long ago: dossiers keep the agency that received them. */
  public Optional<Agency> agency(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(agencies.get(code));
  }

  /** The day "today's structure" is taken on: the day the catalogue was loaded. */
  public LocalDate today() {
    return tree.today();
  }

  /** True if the agency exists today (neither abolished nor yet to be created). */
  public boolean isCurrent(String code) {
    return agency(code).map(a -> a.isValidOn(tree.today())).orElse(false);
  }

  /**
   * The agency of today's structure that carries this one's work: the agency itself unless abolished, else its
   * principal (first) successor — for a dissolved one its parent's —, followed until one that has not been abolished.
   * Empty for an unknown code.
   */
  public Optional<Agency> currentAgency(String code) {
    return agency(code).map(tree::current);
  }

  /** The agencies an abolished agency named as its successors (principal first); empty for any other. */
  public List<Agency> successors(String code) {
    return agency(code).map(a -> a.successors().stream().map(agencies::get).toList()).orElse(List.of());
  }

  /** The agencies that name this one among their successors, in code order (the units it took over). */
  public List<Agency> predecessors(String code) {
    return allAgencies().stream().filter(a -> a.successors().contains(code)).toList();
  }

  /**
   * The agency that did, on that day, the work {@code code} does today: the agency itself if it existed that day; else
   * one it took over (directly or through earlier reforms) that did, of its own level if any, the first in code order;
   * else the same for its parent. Empty if none existed that day. For histories written before a reform (the
   * synthetic history, tests): today's commune → the ward of the time it succeeded.
   */
  public Optional<Agency> agencyOn(String code, LocalDate day) {
    for (Agency a = agencies.get(code); a != null; a = a.parentCode() == null ? null : agencies.get(a.parentCode())) {
      if (a.isValidOn(day)) {
        return Optional.of(a);
      }
      List<Agency> found = new ArrayList<>();
      java.util.Deque<Agency> todo = new java.util.ArrayDeque<>(predecessors(a.code()));
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (!todo.isEmpty()) {
        Agency p = todo.poll();
        if (seen.add(p.code())) {
          if (p.isValidOn(day)) {
            found.add(p);
          } else {
            todo.addAll(predecessors(p.code()));
          }
        }
      }
      AgencyLevel level = a.level();
      Optional<Agency> best = found.stream()
          .min(java.util.Comparator.comparing((Agency x) -> x.level() != level).thenComparing(Agency::code));
      if (best.isPresent()) {
        return best;
      }
    }
    return Optional.empty();
  }

  /**
   * The agencies whose dossiers count for {@code code} in today's structure: every agency that is, or whose
   * {@link #currentAgency} is, {@code code} or lies below it. Given as whole subtrees (every agency below counts too)
   * and single agencies (only the dossiers received by that agency itself), as few as cover them, so that a report
   * filters the paths dossiers were received under with a handful of conditions.
   */
  public History history(String code) {
    List<String> subtrees = new ArrayList<>();
    List<String> single = new ArrayList<>();
    Map<String, Boolean> whole = new java.util.HashMap<>();
    allAgencies().stream().filter(a -> a.parentCode() == null || !agencies.containsKey(a.parentCode()))
        .forEach(root -> cover(root, code, whole, subtrees, single));
    return new History(List.copyOf(subtrees), List.copyOf(single));
  }

  /** The subtrees and single agencies of {@link #history}. */
  public record History(List<String> subtrees, List<String> single) {
  }

  private void cover(Agency a, String scope, Map<String, Boolean> whole, List<String> subtrees, List<String> single) {
    if (wholly(a, scope, whole)) {
      subtrees.add(a.code());
      return;
    }
    if (isWithin(tree.current(a).code(), scope)) {
      single.add(a.code());
    }
    tree.childrenOf(a.code()).forEach(c -> cover(c, scope, whole, subtrees, single));
  }

  /** True if this agency and every one below it count for the scope. */
  private boolean wholly(Agency a, String scope, Map<String, Boolean> whole) {
    Boolean known = whole.get(a.code());
    if (known == null) {
      boolean all = isWithin(tree.current(a).code(), scope);
      for (Agency c : tree.childrenOf(a.code())) {
        all &= wholly(c, scope, whole);
      }
      known = all;
      whole.put(a.code(), known);
    }
    return known;
  }

  public List<Procedure> procedures() {
    return procedures.values().stream().sorted(java.util.Comparator.comparing(Procedure::code)).toList();
  }

  public Optional<Procedure> procedure(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(procedures.get(code));
  }

  /**
   * The chain from the root agency down to this one, written {@code /root/…/code/}. A dossier stores it at
   * reception so that reports roll up by the hierarchy it was received under, even after agencies merge.
   */
  public String path(String agencyCode) {
    List<String> chain = new ArrayList<>();
    for (Agency a = agencies.get(agencyCode); a != null; a = a.parentCode() == null ? null : agencies.get(a.parentCode())) {
      chain.add(0, a.code());
    }
    return "/" + String.join("/", chain) + "/";
  }

  /**
   * True if {@code agencyCode} is {@code ancestorCode} or lies below it in the hierarchy of agencies.yml (the tree
   * each agency belongs to: an abolished agency lies below the abolished parent it had).
   */
  public boolean isWithin(String agencyCode, String ancestorCode) {
    return agencyCode != null && ancestorCode != null && path(agencyCode).contains("/" + ancestorCode + "/");
  }

  /** The procedures this agency receives (one of their offerings), in code order. */
  public List<Procedure> offeredBy(String agencyCode) {
    return procedures().stream().filter(p -> p.isOfferedBy(agencyCode)).toList();
  }

  /**
   * The offering agency an address names, to propose it on the submission form: the agency whose place (its name
   * without "Ủy ban nhân dân", e.g. "phường Vị Tân") appears in the address, diacritics and case aside; failing that,
   * the one whose place name alone ("Vị Tân") does. Empty unless exactly one agency matches: an address is free text,
   * so this only proposes, and the applicant confirms or changes the choice.
   */
  public Optional<String> offeringAgencyOf(Procedure procedure, String address) {
    if (address == null || address.isBlank() || procedure.offerings().size() < 2) {
      return Optional.empty();
    }
    String text = " " + fold(address).replaceAll("[^a-z0-9]+", " ") + " ";
    for (boolean withKind : new boolean[] {true, false}) {
      List<String> matches = procedure.offerings().stream().map(Offering::agencyCode)
          .filter(code -> agency(code).map(a -> text.contains(" " + place(a, withKind) + " ")).orElse(false))
          .toList();
      if (matches.size() == 1) {
        return Optional.of(matches.get(0));
      }
    }
    return Optional.empty();
  }

  /** "Ủy ban nhân dân phường Vị Tân" → "phuong vi tan", or "vi tan" without the kind of place. */
  private static String place(Agency agency, boolean withKind) {
    String name = fold(agency.name()).replaceAll("[^a-z0-9]+", " ").trim();
    name = name.startsWith("uy ban nhan dan ") ? name.substring("uy ban nhan dan ".length()) : name;
    if (!withKind) {
      for (String kind : PLACE_KINDS) {
        if (name.startsWith(kind)) {
          return name.substring(kind.length());
        }
      }
    }
    return name;
  }

  /**
   * Lower case without diacritics and with single spaces, so that "chung thuc" finds "Chứng thực" and an address
   * typed without accents names its ward: every search of the catalogue compares folded text.
   */
  public static String fold(String text) {
    String decomposed = java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT),
        java.text.Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd').replaceAll("\\s+", " ").trim();
  }

  public Set<String> fields() {
    return procedures.values().stream().map(Procedure::field).collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
