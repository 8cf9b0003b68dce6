package org.motcua.web.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.DossierService;
import org.motcua.reporting.ReportService;
import org.motcua.reporting.Summary;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.motcua.web.DossierPages;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor's dashboard: the Decision 766 summary for a period and an agency subtree, the dossiers behind it,
 * and the admin links.
 */
@Controller
class DashboardPages {

  private static final int PAGE_SIZE = 50;

  private final ReportService reports;
  private final Catalog catalog;
  private final Clock clock;
  private final DossierService dossiers;
  private final DossierPages pages;

  DashboardPages(ReportService reports, Catalog catalog, Clock clock, DossierService dossiers, DossierPages pages) {
    this.dossiers = dossiers;
    this.pages = pages;
    this.reports = reports;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** One agency's line of the comparison table and chart. */
  record AgencyLine(String code, String name, Summary summary) {
  }

  @GetMapping("/supervisor/dashboard")
  String dashboard(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, Model model) {
    LocalDate today = LocalDate.now(clock);
    // Default period: the year so far, the period provincial reports are read for.
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.withDayOfYear(1) : from;
    String scope = agency == null || agency.isBlank() ? null : agency;
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("agency", scope);
    model.addAttribute("agencies", visibleAgencies(user));
    if (end.isBefore(start)) {
      // Shown next to the date fields instead of an error page: the supervisor only mistyped a date.
      model.addAttribute("periodError", true);
      return "supervisor/dashboard";
    }
    Summary summary = reports.summary(user, start, end, scope);
    String root = summary.agency();
    model.addAttribute("summary", summary);
    model.addAttribute("scopeName", root == null ? null : catalog.agency(root).map(Agency::name).orElse(root));
    // The units directly below the scope, each with its own summary: where the on-time rate is won or lost.
    List<AgencyLine> units = catalog.agencies().stream()
        .filter(a -> root == null ? a.parentCode() == null : root.equals(a.parentCode()))
        .map(a -> new AgencyLine(a.code(), a.name(), reports.summary(user, start, end, a.code())))
        .toList();
    model.addAttribute("units", units);
    return "supervisor/dashboard";
  }

  /** The agencies this user may report on: their own subtree (everything for an admin). */
  private List<Agency> visibleAgencies(MotcuaUser user) {
    return catalog.agencies().stream()
        .filter(a -> user.is(Role.ADMIN) || catalog.isWithin(a.code(), user.agencyCode()))
        .toList();
  }

  /** Drill-down: the dossiers of the supervisor's subtree, newest first, and each one read-only. */
  @GetMapping("/supervisor/dossiers")
  String dossiers(@AuthenticationPrincipal MotcuaUser user, @RequestParam(defaultValue = "0") int page, Model model) {
    Page<Dossier> found = dossiers.list(user, page, PAGE_SIZE);
    model.addAttribute("dossiers", found.getContent().stream().map(pages::row).toList());
    model.addAttribute("page", found.getNumber());
    model.addAttribute("pages", found.getTotalPages());
    return "supervisor/dossiers";
  }

  @GetMapping("/supervisor/dossiers/{code}")
  String dossier(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code, Model model) {
    model.addAttribute("d", pages.page(dossiers.read(user, code), dossiers.openSteps(code)));
    return "supervisor/dossier";
  }

  @GetMapping("/admin")
  String admin() {
    return "supervisor/admin";
  }
}
