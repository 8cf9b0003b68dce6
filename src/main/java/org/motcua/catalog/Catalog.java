package org.motcua.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The procedure catalog (danh mục thủ tục) and the agency hierarchy, read from {@code config/} at start-up; catalogue
 * imports ({@link CatalogImports}) then install new versions of procedures, stored in the database and re-applied at
 * every start-up, so every node ends with the same catalogue.
 */
@Service
public class Catalog {

  /** Kinds of commune-level place in an agency's name, folded: thị trấn, phường, xã, đặc khu. */
  private static final List<String> PLACE_KINDS = List.of("thi tran ", "phuong ", "xa ", "dac khu ");

  private final Map<String, Agency> agencies;
  // minimal: replaced by the cases/versions branch
  /** The procedures in force from each date on (the configuration's from the start of time), swapped whole. */
  private volatile NavigableMap<LocalDate, Map<String, Procedure>> editions;
  private final CatalogLoader loader;
  private final Clock clock;

  Catalog(ResourceLoader resources, String configDir) {
    this(resources, configDir, Clock.systemDefaultZone());
  }

  @Autowired
  Catalog(ResourceLoader resources, @Value("${motcua.config-dir:classpath:config/}") String configDir, Clock clock) {
    this.loader = new CatalogLoader(resources, configDir);
    this.clock = clock;
    this.agencies = Map.copyOf(loader.loadAgencies());
    this.editions = new TreeMap<>(Map.of(LocalDate.MIN, Map.copyOf(loader.loadProcedures(agencies))));
  }

  // minimal: replaced by the cases/versions branch
  /** Reads one procedure entry of the configuration's schema, as {@link CatalogLoader#parseProcedure}. */
  CatalogLoader loader() {
    return loader;
  }

  // minimal: replaced by the cases/versions branch
  /** The version of the procedure in force on that day. */
  public Optional<Procedure> procedure(String code, LocalDate at) {
    return code == null ? Optional.empty() : Optional.ofNullable(editions.floorEntry(at).getValue().get(code));
  }

  // minimal: replaced by the cases/versions branch
  /**
   * Installs new versions of procedures (new ones or amendments) and withdraws others, from {@code effectiveFrom} on:
   * the edition in force that day and every later one get the change. The editions are swapped at once, so a reader
   * sees the catalogue before or after, never half of it.
   */
  public synchronized void publish(List<Procedure> newVersions, Set<String> withdrawnCodes, LocalDate effectiveFrom) {
    NavigableMap<LocalDate, Map<String, Procedure>> next = new TreeMap<>(editions);
    next.put(effectiveFrom, next.floorEntry(effectiveFrom).getValue());
    for (Map.Entry<LocalDate, Map<String, Procedure>> edition : next.tailMap(effectiveFrom, true).entrySet()) {
      Map<String, Procedure> procedures = new java.util.HashMap<>(edition.getValue());
      withdrawnCodes.forEach(procedures::remove);
      newVersions.forEach(p -> procedures.put(p.code(), p));
      edition.setValue(Map.copyOf(procedures));
    }
    this.editions = next;
  }

  private Map<String, Procedure> inForce() {
    return editions.floorEntry(LocalDate.now(clock)).getValue();
  }

  public Collection<Agency> agencies() {
    return agencies.values().stream().sorted(java.util.Comparator.comparing(Agency::code)).toList();
  }

  public Optional<Agency> agency(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(agencies.get(code));
  }

  public List<Procedure> procedures() {
    return inForce().values().stream().sorted(java.util.Comparator.comparing(Procedure::code)).toList();
  }

  public Optional<Procedure> procedure(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(inForce().get(code));
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
    return inForce().values().stream().map(Procedure::field).collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
