package org.motcua.web.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.motcua.catalog.Agency;
import org.motcua.catalog.Catalog;
import org.motcua.dossier.Dossier;
import org.motcua.dossier.FollowDossier;
import java.util.ArrayList;
import java.util.Comparator;
import org.motcua.process.EngineWebApps;
import org.motcua.reporting.Breakdown;
import org.motcua.reporting.OverrunningSteps;
import org.motcua.reporting.Register;
import org.motcua.reporting.ReportService;
import org.motcua.reporting.Structure;
import org.motcua.reporting.Summary;
import org.motcua.security.MotcuaUser;
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
  private final FollowDossier dossiers;
  private final DossierPages pages;
  private final EngineWebApps engineWebApps;
  private final org.motcua.feedback.FollowFeedback feedback;
  private final org.motcua.reporting.SatisfactionRule satisfaction;

  DashboardPages(ReportService reports, Catalog catalog, Clock clock, FollowDossier dossiers, DossierPages pages,
      EngineWebApps engineWebApps, org.motcua.feedback.FollowFeedback feedback,
      org.motcua.reporting.SatisfactionRule satisfaction) {
    this.feedback = feedback;
    this.satisfaction = satisfaction;
    this.engineWebApps = engineWebApps;
    this.dossiers = dossiers;
    this.pages = pages;
    this.reports = reports;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** How many procedures the "most late dossiers" chart shows. */
  private static final int TOP_PROCEDURES = 10;

  @GetMapping("/supervisor/dashboard")
  String dashboard(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String structure,
      Model model) {
    LocalDate today = LocalDate.now(clock);
    Structure view = Structure.of(structure);
    // Default period: the year so far, the period provincial reports are read for.
    LocalDate end = to == null ? today : to;
    LocalDate start = from == null ? end.withDayOfYear(1) : from;
    String scope = agency == null || agency.isBlank() ? null : agency;
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("agency", scope);
    model.addAttribute("structure", view.name());
    model.addAttribute("structures", Structure.values());
    model.addAttribute("agencies", reports.pickableAgencies(user, view));
    model.addAttribute("period", period(start, end, scope, view));
    if (end.isBefore(start)) {
      // Shown next to the date fields instead of an error page: the supervisor only mistyped a date.
      model.addAttribute("periodError", true);
      return "supervisor/dashboard";
    }
    Summary summary = reports.summary(user, start, end, scope, view);
    String root = summary.agency();
    model.addAttribute("summary", summary);
    model.addAttribute("scopeName", root == null ? null : catalog.agency(root).map(Agency::name).orElse(root));
    // The units directly below the scope (and the scope's own desk), ranked by on-time rate: where it is won or lost.
    List<Breakdown.Row> units = new ArrayList<>(reports.breakdown(user, start, end, scope, "agency", view).rows());
    units.sort(Comparator.comparing(Breakdown.Row::onTimeRate, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(Breakdown.Row::received, Comparator.reverseOrder()));
    model.addAttribute("units", units);
    // The ten procedures with most late dossiers: finished late plus still open past their due date.
    model.addAttribute("lateProcedures", reports.breakdown(user, start, end, scope, "procedure", view).rows().stream()
        .filter(r -> late(r) > 0)
        .sorted(Comparator.comparingLong(DashboardPages::late).reversed().thenComparing(Breakdown.Row::label))
        .limit(TOP_PROCEDURES)
        .map(r -> new LateProcedure(r.key(), r.label(), r.finishedLate(), r.inProgressOverdue(), late(r)))
        .toList());
    model.addAttribute("months", reports.breakdown(user, start, end, scope, "month", view).rows());
    // Satisfaction (Decision 766 group 5) against its target, and the feedback overdue now in the scope.
    model.addAttribute("satisfactionTarget", satisfaction.target());
    model.addAttribute("satisfactionScore", satisfaction.score(summary.satisfactionRate()));
    try {
      model.addAttribute("overdueFeedback", feedback.countOverdue(user, scope));
    } catch (org.motcua.common.ApiException outsideTodaysTree) {
      // An abolished agency read as received: feedback is kept by today's agencies only.
      model.addAttribute("overdueFeedback", null);
    }
    return "supervisor/dashboard";
  }

  /**
   * The query of the period, agency and view for the export links, e.g. {@code &from=2026-01-01&to=2026-11-24}: the
   * agency only when one was chosen (the API reads an empty one as an unknown agency), the view unless the default.
   */
  private static String period(LocalDate from, LocalDate to, String agency, Structure structure) {
    return "&from=" + from + "&to=" + to + (agency == null ? "" : "&agency="
        + java.net.URLEncoder.encode(agency, java.nio.charset.StandardCharsets.UTF_8))
        + (structure == Structure.RECEIVED ? "" : "&structure=" + structure.name());
  }

  /** A procedure of the "most late dossiers" chart. */
  record LateProcedure(String code, String name, long finishedLate, long inProgressOverdue, long late) {
  }

  private static long late(Breakdown.Row row) {
    return row.finishedLate() + row.inProgressOverdue();
  }

  /**
   * Drill-down: the dossiers behind the numbers. With a period, the register (sổ theo dõi hồ sơ) of the dossiers
   * received in it under the chosen agency; without one, the newest dossiers of the supervisor's subtree.
   */
  @GetMapping("/supervisor/dossiers")
  String dossiers(@AuthenticationPrincipal MotcuaUser user, @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String structure,
      Model model) {
    if (from != null && to != null) {
      String scope = agency == null || agency.isBlank() ? null : agency;
      Structure view = Structure.of(structure);
      Register register = reports.register(user, from, to, scope, page, PAGE_SIZE, view);
      model.addAttribute("register", register.items().stream()
          .map(e -> new RegisterLine(e.number(), e.code(), e.procedureName(), pages.agencyName(e.agencyCode()),
              e.channel(), e.status(), e.receivedAt(), e.dueAt(), e.timeliness()))
          .toList());
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      model.addAttribute("agency", scope);
      model.addAttribute("period", period(from, to, scope, view));
      model.addAttribute("structure", view.name());
      model.addAttribute("scopeName", scope == null ? null : pages.agencyName(scope));
      model.addAttribute("page", page);
      model.addAttribute("pages", (int) ((register.total() + PAGE_SIZE - 1) / PAGE_SIZE));
      model.addAttribute("total", register.total());
      return "supervisor/register";
    }
    Page<Dossier> found = dossiers.list(user, page, PAGE_SIZE);
    model.addAttribute("dossiers", found.getContent().stream().map(pages::row).toList());
    model.addAttribute("page", found.getNumber());
    model.addAttribute("pages", found.getTotalPages());
    return "supervisor/dossiers";
  }

  /** A line of the register as the drill-down shows it. */
  record RegisterLine(long number, String code, String procedureName, String agencyName, int channel, int status,
      java.time.LocalDateTime receivedAt, java.time.LocalDateTime dueAt, String timeliness) {
  }

  @GetMapping("/supervisor/dossiers/{code}")
  String dossier(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code, Model model) {
    model.addAttribute("d", pages.page(dossiers.read(user, code), dossiers.openSteps(code)));
    return "supervisor/dossier";
  }

  /** Bước xử lý đang quá hạn: the steps past their due instant now in the supervisor's subtree, per agency. */
  @GetMapping("/supervisor/overrunning-steps")
  String overrunning(@AuthenticationPrincipal MotcuaUser user, @RequestParam(required = false) String agency,
      Model model) {
    String scope = agency == null || agency.isBlank() ? null : agency;
    OverrunningSteps found = reports.overrunning(user, scope);
    model.addAttribute("o", found);
    model.addAttribute("agency", scope);
    model.addAttribute("agencies", reports.pickableAgencies(user, Structure.RECEIVED));
    model.addAttribute("scopeName", found.agency() == null ? "" : pages.agencyName(found.agency()));
    java.util.Map<String, String> names = new java.util.HashMap<>();
    found.steps().forEach(s -> {
      if (s.agencyCode() != null) {
        names.putIfAbsent(s.agencyCode(), pages.agencyName(s.agencyCode()));
      }
    });
    model.addAttribute("names", names);
    return "supervisor/overrunning";
  }

  @GetMapping("/admin")
  String admin(Model model) {
    model.addAttribute("engine", engineWebApps.product());
    model.addAttribute("engineWebApps", engineWebApps.path());
    return "supervisor/admin";
  }
}
