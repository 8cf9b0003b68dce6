package org.motcua.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.motcua.catalog.CatalogViews.AgencyView;
import org.motcua.catalog.CatalogViews.ProcedureView;
import org.motcua.common.RunsUseCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public catalog: citizens read procedures and agencies before signing in. */
@Tag(name = "Catalogue",
    description = "Danh mục: the administrative procedures and agencies, public, to read before signing in.")
@RestController
@RequestMapping("/api")
class CatalogController {

  private final Catalog catalog;
  private final FindProcedure findProcedure;
  private final CatalogMapper mapper;

  CatalogController(Catalog catalog, FindProcedure findProcedure, CatalogMapper mapper) {
    this.catalog = catalog;
    this.findProcedure = findProcedure;
    this.mapper = mapper;
  }

  @Operation(operationId = "listAgencies", summary = "List the agencies (cơ quan)",
      description = "The agencies that exist today, with their code, name, administrative level, parent and "
          + "validity; with `all=true` also those abolished (each with `validTo` and its `successors`, the first "
          + "being the principal one) and those yet to be created.")
  @GetMapping("/agencies")
  List<AgencyView> agencies(@RequestParam(defaultValue = "false") boolean all) {
    return mapper.toAgencyViews(all ? catalog.allAgencies() : catalog.agencies());
  }

  /**
   * Lists procedures, optionally filtered by words of the name (diacritics optional), field or agency (the procedures
   * that agency receives: one of their offerings).
   */
  @Operation(operationId = "listProcedures", summary = "Find procedures (thủ tục hành chính)",
      description = "The procedures of the catalogue, optionally filtered by words of their name or code (`q`, "
          + "diacritics optional: \"chung thuc\" finds \"Chứng thực\"), by field (`field`) or by receiving agency "
          + "(`agency`: the procedures that agency offers, its offerings).")
  @GetMapping("/procedures")
  List<ProcedureView> procedures(@RequestParam(required = false) String q,
      @RequestParam(required = false) String field, @RequestParam(required = false) String agency) {
    String words = q == null ? null : Catalog.fold(q);
    return mapper.toProcedureViews(catalog.procedures().stream()
        .filter(p -> field == null || p.field().equalsIgnoreCase(field))
        .filter(p -> agency == null || p.isOfferedBy(agency))
        .filter(p -> words == null || Catalog.fold(p.name() + " " + p.code()).contains(words))
        .toList());
  }

  @Operation(operationId = "getProcedure", summary = "Read one procedure",
      description = "A procedure by its code: agency, field, time limit, fee, online level and the components its "
          + "dossier needs.")
  @GetMapping("/procedures/{code}")
  @RunsUseCase(FindProcedure.class)
  ProcedureView procedure(@PathVariable String code) {
    return mapper.toView(findProcedure.find(code));
  }
}
