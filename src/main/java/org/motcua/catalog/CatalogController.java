package org.motcua.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.motcua.catalog.CatalogViews.AgencyView;
import org.motcua.catalog.CatalogViews.ProcedureView;
import org.motcua.common.RunsUseCase;
import org.springframework.http.ResponseEntity;
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

  static final int DEFAULT_PAGE = 500;
  static final int MAX_PAGE = 500;
  static final String TOTAL_COUNT = "X-Total-Count";

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
   * that agency receives: one of their offerings), a page at a time: a province catalogue has thousands of procedures,
   * each commune receiving most of them, and each listing its hundred receiving agencies.
   */
  @Operation(operationId = "listProcedures", summary = "Find procedures (thủ tục hành chính)",
      description = "The procedures of the catalogue in code order, optionally filtered by words of their name or code "
          + "(`q`: every word, diacritics, case, punctuation and order aside: \"chung thuc\" finds \"Chứng thực\"), "
          + "by field (`field`) or by receiving "
          + "agency (`agency`: the procedures that agency offers, its offerings). Paged: `page` (from 0) of `size` "
          + "procedures (default " + DEFAULT_PAGE + ", at most " + MAX_PAGE + "); the header `X-Total-Count` gives "
          + "how many match in all.")
  @GetMapping("/procedures")
  ResponseEntity<List<ProcedureView>> procedures(@RequestParam(required = false) String q,
      @RequestParam(required = false) String field, @RequestParam(required = false) String agency,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + DEFAULT_PAGE) int size) {
    List<Procedure> found = catalog.index().search(q, field, agency);
    // Out-of-range paging is brought into range, as the dossier lists do.
    int pageSize = Math.min(Math.max(size, 1), MAX_PAGE);
    long first = Math.min((long) Math.max(page, 0) * pageSize, found.size());
    List<Procedure> shown = found.subList((int) first, (int) Math.min(first + pageSize, found.size()));
    return ResponseEntity.ok().header(TOTAL_COUNT, String.valueOf(found.size()))
        .body(mapper.toProcedureViews(shown));
  }

  @Operation(operationId = "getProcedure", summary = "Read one procedure",
      description = "A procedure by its code: agency, field, time limit, fee, online level and the components its "
          + "dossier needs, its cases (trường hợp: each with its own duration, online duration, fee, components, "
          + "online level and step budgets) and the version (validFrom, validTo, the publication decision). "
          + "`at=YYYY-MM-DD` shows the version in force that day (today by default).")
  @GetMapping("/procedures/{code}")
  @RunsUseCase(FindProcedure.class)
  ProcedureView procedure(@PathVariable String code, @RequestParam(required = false) String at) {
    return mapper.toView(findProcedure.find(code, at));
  }
}
