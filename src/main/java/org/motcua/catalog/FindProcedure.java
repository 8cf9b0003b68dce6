package org.motcua.catalog;

import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.stereotype.Component;

/** Reading one procedure of the catalogue by its code (mã thủ tục), as citizens do before submitting. */
@Component
public class FindProcedure implements UseCase {

  private final Catalog catalog;

  FindProcedure(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(CatalogRefusal.UNKNOWN_PROCEDURE, CatalogRefusal.PROCEDURE_NOT_IN_FORCE,
        CatalogRefusal.INVALID_DATE);
  }

  /** The procedure, or {@link CatalogRefusal#UNKNOWN_PROCEDURE}. */
  public Procedure find(String code) {
    return catalog.procedure(code).orElseThrow(() -> CatalogRefusal.UNKNOWN_PROCEDURE.exception(code));
  }

  /**
   * The version in force on a day written YYYY-MM-DD (today when null): {@link CatalogRefusal#INVALID_DATE} for
   * another text, {@link CatalogRefusal#UNKNOWN_PROCEDURE} for a code the catalogue never had,
   * {@link CatalogRefusal#PROCEDURE_NOT_IN_FORCE} for one not in force that day.
   */
  public Procedure find(String code, String at) {
    if (at == null || at.isBlank()) {
      return find(code);
    }
    java.time.LocalDate day;
    try {
      day = java.time.LocalDate.parse(at.trim());
    } catch (java.time.format.DateTimeParseException ex) {
      throw CatalogRefusal.INVALID_DATE.exception(at);
    }
    if (catalog.versions(code).isEmpty()) {
      throw CatalogRefusal.UNKNOWN_PROCEDURE.exception(code);
    }
    return catalog.procedure(code, day)
        .orElseThrow(() -> CatalogRefusal.PROCEDURE_NOT_IN_FORCE.exception(code, day.toString()));
  }
}
