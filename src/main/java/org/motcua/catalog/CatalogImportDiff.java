package org.motcua.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a file changes in the catalogue in force: procedures it adds, those it amends (and in what), those in force
 * that it leaves out (withdrawn: the file is the province's whole catalogue), and how many it leaves as they are.
 */
record CatalogImportDiff(List<Change> added, List<Change> changed, List<Change> withdrawn, int unchanged) {

  /** One procedure and, for an amendment, the aspects that differ (keys of {@link #ASPECTS}). */
  record Change(String code, String name, List<String> aspects) {
  }

  /** What an amendment may change, by a stable key (message {@code web.catalogueImport.aspect.<key>}). */
  static final Map<String, Function<Procedure, Object>> ASPECTS = aspects();

  private static Map<String, Function<Procedure, Object>> aspects() {
    Map<String, Function<Procedure, Object>> aspects = new LinkedHashMap<>();
    aspects.put("name", Procedure::name);
    aspects.put("nationalCode", Procedure::nationalCode);
    aspects.put("field", Procedure::field);
    aspects.put("level", Procedure::level);
    aspects.put("offerings", Procedure::offerings);
    aspects.put("anywhere", Procedure::anywhere);
    // A procedure without cases keeps its online time limit on its implicit case.
    aspects.put("duration", p -> java.util.Arrays.asList(p.duration(),
        CatalogImportExport.hasCases(p) ? null : p.cases().get(0).onlineDuration()));
    aspects.put("fee", Procedure::fee);
    aspects.put("feeNote", Procedure::feeNote);
    aspects.put("exemptions", Procedure::exemptions);
    aspects.put("components", Procedure::components);
    aspects.put("legalBasis", Procedure::legalBasis);
    aspects.put("onlineLevel", Procedure::onlineLevel);
    aspects.put("process", Procedure::processKey);
    aspects.put("steps", Procedure::steps);
    // The cases a procedure lists, each with everything a dossier takes from it (an implicit case only repeats the
    // procedure's own values, compared above).
    aspects.put("cases", p -> CatalogImportExport.hasCases(p) ? p.cases() : List.of());
    return aspects;
  }

  static CatalogImportDiff of(List<Procedure> inForce, List<Procedure> file) {
    Map<String, Procedure> current = inForce.stream()
        .collect(Collectors.toMap(Procedure::code, p -> p, (a, b) -> a, LinkedHashMap::new));
    List<Change> added = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    int unchanged = 0;
    for (Procedure p : file) {
      Procedure before = current.get(p.code());
      if (before == null) {
        added.add(new Change(p.code(), p.name(), List.of()));
        continue;
      }
      List<String> aspects = ASPECTS.entrySet().stream()
          .filter(a -> !Objects.equals(a.getValue().apply(before), a.getValue().apply(p)))
          .map(Map.Entry::getKey).toList();
      if (aspects.isEmpty()) {
        unchanged++;
      } else {
        changed.add(new Change(p.code(), p.name(), aspects));
      }
    }
    Set<String> inFile = file.stream().map(Procedure::code).collect(Collectors.toSet());
    List<Change> withdrawn = current.values().stream().filter(p -> !inFile.contains(p.code()))
        .map(p -> new Change(p.code(), p.name(), List.of())).toList();
    return new CatalogImportDiff(List.copyOf(added), List.copyOf(changed), withdrawn, unchanged);
  }
}
