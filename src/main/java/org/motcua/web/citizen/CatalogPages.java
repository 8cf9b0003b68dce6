package org.motcua.web.citizen;

import java.util.List;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.catalog.ProcedureIndex;
import org.motcua.common.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The public procedure catalogue (danh mục thủ tục hành chính): search, then read one procedure. */
@Controller
class CatalogPages {

  private static final int PAGE_SIZE = 20;

  private final Catalog catalog;
  private final org.motcua.web.DossierPages pages;

  CatalogPages(Catalog catalog, org.motcua.web.DossierPages pages) {
    this.catalog = catalog;
    this.pages = pages;
  }

  /**
   * Searches by words of the name or code (with or without diacritics), field and receiving agency; shows a page of
   * the matches (a commune receives over a thousand procedures in a province catalogue).
   */
  @GetMapping("/procedures")
  String search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
      @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    ProcedureIndex index = catalog.index();
    List<Procedure> found = index.search(q, field, agency);
    int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(page, 0), pages - 1);
    model.addAttribute("q", q);
    model.addAttribute("field", field);
    model.addAttribute("agency", agency);
    model.addAttribute("fields", index.fields());
    model.addAttribute("agencies", catalog.agencies().stream()
        .filter(a -> index.offeringAgencies().contains(a.code()))
        .toList());
    model.addAttribute("total", found.size());
    model.addAttribute("page", shown);
    model.addAttribute("pages", pages);
    model.addAttribute("procedures", found.subList(shown * PAGE_SIZE, Math.min((shown + 1) * PAGE_SIZE, found.size()))
        .stream().map(this::card).toList());
    // htmx asks for the result list only, so typing in the search box refreshes it without reloading the page.
    return htmx != null ? "citizen/procedures :: results" : "citizen/procedures";
  }

  @GetMapping("/procedures/{code}")
  String procedure(@PathVariable String code, Model model) {
    Procedure procedure = catalog.procedure(code)
        .orElseThrow(() -> ApiException.notFound("UNKNOWN_PROCEDURE", code));
    model.addAttribute("p", card(procedure));
    return "citizen/procedure";
  }

  ProcedureCard card(Procedure p) {
    return new ProcedureCard(p.code(), p.name(), p.field(), p.agencyCode(),
        catalog.agency(p.agencyCode()).map(Agency::name).orElse(p.agencyCode()),
        p.duration().value(), p.duration().unit().name(), p.feeVnd(), p.feeNote(), p.onlineLevel().name(),
        p.onlineLevel().offeredOnline(), p.legalBasis(),
        p.components().stream().map(Procedure.Component::name).toList(),
        p.offerings().stream().map(o -> new ProcedureCard.OfferingCard(o.agencyCode(),
            catalog.agency(o.agencyCode()).map(Agency::name).orElse(o.agencyCode()), o.localizedCode())).toList(),
        p.anywhere(), p.validFrom(), p.decision() == null ? null : p.decision().number(),
        p.decision() == null ? null : p.decision().date(), pages.caseChoices(p));
  }
}
