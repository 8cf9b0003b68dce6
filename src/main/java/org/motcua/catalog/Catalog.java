package org.motcua.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<String, Procedure> procedures;
  /** Searches' view of {@link #procedures}; rebuilt by {@link #index()} whenever that map is replaced. */
  private volatile ProcedureIndex index;

  Catalog(ResourceLoader resources, @Value("${motcua.config-dir:classpath:config/}") String configDir) {
    CatalogLoader loader = new CatalogLoader(resources, configDir);
    this.agencies = Map.copyOf(loader.loadAgencies());
    this.procedures = Map.copyOf(loader.loadProcedures(agencies));
  }

  public Collection<Agency> agencies() {
    return agencies.values().stream().sorted(java.util.Comparator.comparing(Agency::code)).toList();
  }

  public Optional<Agency> agency(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(agencies.get(code));
  }

  public List<Procedure> procedures() {
    return index().procedures();
  }

  /**
   * The search index of the current procedures. Built from the procedures map it was made for and rebuilt when that
   * map is another one, so whatever replaces the catalogue at run time (a new snapshot, an import) only has to
   * replace the map: the next search indexes the new one.
   */
  public ProcedureIndex index() {
    Map<String, Procedure> current = procedures;
    ProcedureIndex built = index;
    if (built == null || built.source() != current) {
      built = ProcedureIndex.of(current);
      index = built;
    }
    return built;
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
