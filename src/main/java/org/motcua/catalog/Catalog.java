package org.motcua.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The procedure catalog (danh mục thủ tục) and the agency hierarchy, read once from {@code config/} at start-up.
 * Every node reads the same files, so there is no cache to go stale across a cluster.
 */
@Service
public class Catalog {

  private final Map<String, Agency> agencies;
  private final Map<String, Procedure> procedures;

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

  /** True if {@code agencyCode} is {@code ancestorCode} or lies below it in the current hierarchy. */
  public boolean isWithin(String agencyCode, String ancestorCode) {
    return agencyCode != null && ancestorCode != null && path(agencyCode).contains("/" + ancestorCode + "/");
  }

  public Set<String> fields() {
    return procedures.values().stream().map(Procedure::field).collect(Collectors.toCollection(java.util.TreeSet::new));
  }
}
