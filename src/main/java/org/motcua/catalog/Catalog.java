package org.motcua.catalog;

import java.time.Clock;
import java.time.LocalDate;
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

  @Autowired
  Catalog(ResourceLoader resources, @Value("${motcua.config-dir:classpath:config/}") String configDir, Clock clock) {
    CatalogLoader loader = new CatalogLoader(resources, configDir);
    this.agencies = Map.copyOf(loader.loadAgencies());
    this.versions = Map.copyOf(loader.loadProcedures(agencies));
    this.clock = clock;
  }

  /** The catalogue of a folder, its "now" by the system clock (tests of the configuration). */
  Catalog(ResourceLoader resources, String configDir) {
    this(resources, configDir, Clock.systemDefaultZone());
  }

  public Collection<Agency> agencies() {
    return agencies.values().stream().sorted(java.util.Comparator.comparing(Agency::code)).toList();
  }

  public Optional<Agency> agency(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(agencies.get(code));
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
    return new CatalogLoader(agencies.values());
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

  /** True if {@code agencyCode} is {@code ancestorCode} or lies below it in the current hierarchy. */
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
