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
 * Every node reads the same files, so there is no cache to go stale across a cluster. The catalogue keeps every
 * version of each procedure (phiên bản theo quyết định công bố): {@link #procedure(String)} and {@link #procedures()}
 * answer with the versions in force today, {@link #procedure(String, LocalDate)} with those of another day, and
 * {@link #version} with the one a dossier was submitted under.
 */
@Service
public class Catalog {

  /** Kinds of commune-level place in an agency's name, folded: thị trấn, phường, xã, đặc khu. */
  private static final List<String> PLACE_KINDS = List.of("thi tran ", "phuong ", "xa ", "dac khu ");

  private final Map<String, Agency> agencies;
  private final AgencyTree tree;
  private final Clock clock;
  /**
   * Every version of every procedure by code, oldest first, never changed in place: {@link #publish} swaps in a new
   * map, so a reader sees the catalogue before or after an import, never half of it.
   */
  private volatile Map<String, List<Procedure>> versions;
  /** The versions in force on one day of one {@link #versions} map, computed once a day and after each import. */
  private volatile InForce inForce;

  private record InForce(Map<String, List<Procedure>> of, LocalDate day, Map<String, Procedure> byCode,
      List<Procedure> sorted, ProcedureIndex index) {
  }

  /**
   * Today's agency structure is the one in force on the day the service starts (see {@link AgencyTree}); the
   * procedures in force follow the clock, day by day.
   */
  @Autowired
  Catalog(ResourceLoader resources, @Value("${motcua.config-dir:classpath:config/}") String configDir, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    CatalogLoader loader = new CatalogLoader(resources, configDir, today);
    this.agencies = Map.copyOf(loader.loadAgencies());
    this.tree = new AgencyTree(agencies, today);
    this.versions = Map.copyOf(loader.loadProcedures(agencies));
    this.clock = clock;
  }

  /** The catalogue of a folder, its "now" by the system clock in Vietnam (tests of the configuration). */
  Catalog(ResourceLoader resources, String configDir) {
    this(resources, configDir, Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")));
  }

  /** The catalogue of a folder as it stands on that day (tests of the agency structure). */
  Catalog(ResourceLoader resources, String configDir, LocalDate today) {
    this(resources, configDir, Clock.fixed(today.atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(),
        ZoneId.of("Asia/Ho_Chi_Minh")));
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

  /** The procedures in force today, in code order. */
  public List<Procedure> procedures() {
    return inForceToday().sorted();
  }

  /** The search index of the procedures in force today (built with them, once a day and after each import). */
  public ProcedureIndex index() {
    return inForceToday().index();
  }

  /** The version of the procedure in force today. */
  public Optional<Procedure> procedure(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(inForceToday().byCode().get(code));
  }

  /** The version in force on that day, as it stood then (its cases and offerings of that day). */
  public Optional<Procedure> procedure(String code, LocalDate at) {
    if (code == null || at == null) {
      return Optional.empty();
    }
    return versions.getOrDefault(code, List.of()).stream().filter(p -> p.isInForce(at)).findFirst()
        .flatMap(p -> p.on(at));
  }

  /**
   * The version a dossier is bound to: the one that started on {@code validFrom}, every case included (null: the
   * first version, which is what a dossier from before versions was submitted under). Empty only for a code the
   * catalogue never had.
   */
  public Optional<Procedure> version(String code, LocalDate validFrom) {
    List<Procedure> all = code == null ? List.of() : versions.getOrDefault(code, List.of());
    if (validFrom == null) {
      return all.stream().findFirst();
    }
    return all.stream().filter(p -> validFrom.equals(p.validFrom())).findFirst();
  }

  /**
   * The case a dossier names in the version it is bound to; for a dossier from before cases (no case code), the
   * version's default case, or its first.
   */
  public Optional<Procedure.Case> caseOf(String code, LocalDate validFrom, String caseCode) {
    return version(code, validFrom).flatMap(p -> caseCode == null
        ? p.defaultCase().or(() -> Optional.of(p.cases().get(0))) : p.caseOf(caseCode));
  }

  /** Every version of the procedure, oldest first; for names of withdrawn procedures and the history of a code. */
  public List<Procedure> versions(String code) {
    return code == null ? List.of() : versions.getOrDefault(code, List.of());
  }

  /**
   * Installs the versions of an import (quyết định công bố), effective from {@code effectiveFrom}: each new version is
   * in force from that day (its own {@code validFrom} is replaced; its {@code validTo}, if any, kept); the version in
   * force before it ends the day before, as does every version of a withdrawn code; versions that were to start on or
   * after that day are superseded. Dossiers keep the version they were bound to (see {@link #version}). All or
   * nothing: readers see the catalogue before or after, never between.
   *
   * @throws IllegalArgumentException for a code given twice, both new and withdrawn, or withdrawn but unknown; for an
   *     effective date in the past; and for one that would supersede a version that came into force today (dossiers
   *     may be bound to it: publish from tomorrow)
   */
  public synchronized void publish(List<Procedure> newVersions, Set<String> withdrawnCodes, LocalDate effectiveFrom) {
    install(newVersions, withdrawnCodes, effectiveFrom, LocalDate.now(clock));
  }

  /**
   * Installs an import committed earlier (at start-up, or on a node that hears of it later): the same as
   * {@link #publish}, judged on the day it was committed, so that a restart after its effective date rebuilds the
   * catalogue as it was instead of refusing a date that is now past.
   */
  synchronized void replay(List<Procedure> newVersions, Set<String> withdrawnCodes, LocalDate effectiveFrom,
      LocalDate committedOn) {
    install(newVersions, withdrawnCodes, effectiveFrom, committedOn);
  }

  /** A loader that checks single catalogue entries against these agencies (the catalogue import). */
  CatalogLoader loader() {
    return new CatalogLoader(agencies.values(), LocalDate.now(clock));
  }

  private void install(List<Procedure> newVersions, Set<String> withdrawnCodes, LocalDate effectiveFrom,
      LocalDate today) {
    if (effectiveFrom.isBefore(today)) {
      throw new IllegalArgumentException("effective from " + effectiveFrom + ", before today " + today);
    }
    Map<String, Procedure> incoming = new java.util.LinkedHashMap<>();
    for (Procedure p : newVersions) {
      if (incoming.put(p.code(), p) != null) {
        throw new IllegalArgumentException("procedure '" + p.code() + "' given twice");
      }
      if (p.validTo() != null && p.validTo().isBefore(effectiveFrom)) {
        throw new IllegalArgumentException("procedure '" + p.code() + "' ends before " + effectiveFrom);
      }
    }
    for (String code : withdrawnCodes) {
      if (incoming.containsKey(code)) {
        throw new IllegalArgumentException("procedure '" + code + "' both published and withdrawn");
      }
      if (!versions.containsKey(code)) {
        throw new IllegalArgumentException("unknown procedure '" + code + "' withdrawn");
      }
    }
    Map<String, List<Procedure>> next = new java.util.LinkedHashMap<>(versions);
    Set<String> touched = new java.util.HashSet<>(incoming.keySet());
    touched.addAll(withdrawnCodes);
    for (String code : touched) {
      List<Procedure> list = new ArrayList<>();
      for (Procedure old : versions.getOrDefault(code, List.of())) {
        if (old.validFrom() != null && !old.validFrom().isBefore(effectiveFrom)) {
          if (!old.validFrom().isAfter(today)) {
            throw new IllegalArgumentException("procedure '" + code + "': the version from " + old.validFrom()
                + " is in force already");
          }
          continue;
        }
        boolean overlaps = old.validTo() == null || !old.validTo().isBefore(effectiveFrom);
        list.add(overlaps ? old.withValidity(old.validFrom(), effectiveFrom.minusDays(1)) : old);
      }
      Procedure added = incoming.get(code);
      if (added != null) {
        list.add(added.withValidity(effectiveFrom, added.validTo()));
      }
      next.put(code, List.copyOf(list));
    }
    versions = Map.copyOf(next);
  }

  private InForce inForceToday() {
    LocalDate today = LocalDate.now(clock);
    InForce cached = inForce;
    Map<String, List<Procedure>> all = versions;
    if (cached != null && cached.of() == all && cached.day().equals(today)) {
      return cached;
    }
    Map<String, Procedure> byCode = new java.util.HashMap<>();
    all.forEach((code, list) -> procedure(code, today).ifPresent(p -> byCode.put(code, p)));
    List<Procedure> sorted = byCode.values().stream().sorted(java.util.Comparator.comparing(Procedure::code)).toList();
    InForce now = new InForce(all, today, Map.copyOf(byCode), sorted, ProcedureIndex.of(sorted));
    inForce = now;
    return now;
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
    return index().offeredBy(agencyCode);
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
    return index().fields();
  }
}
