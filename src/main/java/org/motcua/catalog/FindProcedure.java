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
    return Set.of(CatalogRefusal.UNKNOWN_PROCEDURE);
  }

  /** The procedure, or {@link CatalogRefusal#UNKNOWN_PROCEDURE}. */
  public Procedure find(String code) {
    return catalog.procedure(code).orElseThrow(() -> CatalogRefusal.UNKNOWN_PROCEDURE.exception(code));
  }
}
