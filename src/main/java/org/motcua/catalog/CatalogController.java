package org.motcua.catalog;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.motcua.catalog.CatalogViews.AgencyView;
import org.motcua.catalog.CatalogViews.ProcedureView;
import org.motcua.common.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public catalog: citizens read procedures and agencies before signing in. */
@RestController
@RequestMapping("/api")
class CatalogController {

  private final Catalog catalog;
  private final CatalogMapper mapper;

  CatalogController(Catalog catalog, CatalogMapper mapper) {
    this.catalog = catalog;
    this.mapper = mapper;
  }

  @GetMapping("/agencies")
  List<AgencyView> agencies() {
    return mapper.toAgencyViews(catalog.agencies());
  }

  /**
   * Lists procedures, optionally filtered by words of the name (diacritics optional), field or agency (the procedures
   * that agency receives: one of their offerings).
   */
  @GetMapping("/procedures")
  List<ProcedureView> procedures(@RequestParam(required = false) String q,
      @RequestParam(required = false) String field, @RequestParam(required = false) String agency) {
    String words = q == null ? null : fold(q);
    return mapper.toProcedureViews(catalog.procedures().stream()
        .filter(p -> field == null || p.field().equalsIgnoreCase(field))
        .filter(p -> agency == null || p.isOfferedBy(agency))
        .filter(p -> words == null || fold(p.name() + " " + p.code()).contains(words))
        .toList());
  }

  @GetMapping("/procedures/{code}")
  ProcedureView procedure(@PathVariable String code) {
    return catalog.procedure(code).map(mapper::toView)
        .orElseThrow(() -> ApiException.notFound("UNKNOWN_PROCEDURE", code));
  }

  /** Lower case without diacritics, so "chung thuc" finds "Chứng thực". */
  private static String fold(String text) {
    String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd').trim();
  }
}
