package org.motcua.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.motcua.common.RunsUseCase;
import org.motcua.security.MotcuaUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reports",
    description = "Báo cáo: the national indicators, their breakdowns and exports, the dossier register and the "
        + "daily payment reconciliation.")
@RestController
@RequestMapping("/api/reports")
class ReportController {

  // Each address has a JSON handler and an export handler (format=…): one operation, described once.
  private static final String STRUCTURE = "`structure` (every report): `RECEIVED` (default) groups dossiers under "
      + "the agency that received them, in the tree of the time; `CURRENT` groups those of agencies abolished since "
      + "(1 July 2025) under the agency carrying their work today (the first of their successors). An agency of "
      + "today counts the same dossiers in both, its own and those of the agencies it took over, so totals agree; "
      + "an abolished agency is a scope only as received.";
  private static final String READ_SUMMARY_SUMMARY = "The national indicators (chỉ số đánh giá)";
  private static final String READ_SUMMARY = "The indicators of Decision 766/QĐ-TTg for a period (`from` and `to` "
      + "included) and an agency with the units below it (`agency`, default: the supervisor's own): received, "
      + "online, finished early, on time or late, in progress, and their rates; `lateCausedBy`: the dossiers "
      + "finished late in the period with a step that overran in the subtree's agencies, whichever agency received "
      + "them (lateness traced to the step that caused it); `dissatisfied` and `satisfactionRate` (Decision 766 "
      + "group 5: 1 − (late and overdue + dossiers disliked or with feedback) ÷ dossiers in the timeliness scope, "
      + "by the rule in config/feedback.yml). With `format=csv` or "
      + "`format=xlsx`, the same as a file with Vietnamese headers. Supervisors read their own subtree; admins any "
      + "agency. " + STRUCTURE;
  private static final String READ_BREAKDOWN_SUMMARY = "The indicators broken down";
  private static final String READ_BREAKDOWN = "The summary's fields per `agency`, `level`, `procedure`, `field` or "
      + "`channel`, or per `month`, `quarter` or `year` (`by`); `lateCausedBy` by agency (the unit whose step "
      + "overran) and by period, null for the other groupings. With `format=csv` or `format=xlsx`, the same as a "
      + "file with Vietnamese headers. " + STRUCTURE;
  private static final String READ_REGISTER_SUMMARY = "The dossier register (sổ theo dõi hồ sơ)";
  private static final String READ_REGISTER = "The dossiers received in the period, paged (`page`, `size`). With "
      + "`format=csv` (streamed) or `format=xlsx`, the whole register as a file. " + STRUCTURE;

  private final ReportService reports;
  private final ExportReport exports;
  private final ReportXlsx xlsx;

  ReportController(ReportService reports, ExportReport exports, ReportXlsx xlsx) {
    this.reports = reports;
    this.exports = exports;
    this.xlsx = xlsx;
  }

  /** The national indicators for a period (both days included) and an agency subtree. */
  @Operation(operationId = "readSummary", summary = READ_SUMMARY_SUMMARY, description = READ_SUMMARY)
  @GetMapping(value = "/summary", params = "!format")
  @RunsUseCase(ReportService.class)
  Summary summary(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String structure) {
    return reports.summary(user, from, to, agency, Structure.of(structure));
  }

  /** The same as CSV ({@code format=csv}) or an Excel workbook ({@code format=xlsx}), with Vietnamese headers. */
  @Operation(operationId = "readSummary", summary = READ_SUMMARY_SUMMARY, description = READ_SUMMARY)
  @GetMapping(value = "/summary", params = "format")
  @RunsUseCase({ReportService.class, ExportReport.class})
  void summaryExport(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String structure,
      @RequestParam String format, HttpServletResponse response) throws IOException {
    boolean excel = exports.excel(format);
    Summary summary = reports.summary(user, from, to, agency, Structure.of(structure));
    String name = "bao-cao-tong-hop-" + from + "-" + to;
    if (excel) {
      attachment(response, name + ".xlsx", ReportXlsx.MEDIA_TYPE);
      xlsx.summary(summary, response.getOutputStream());
    } else {
      attachment(response, name + ".csv", ReportCsv.MEDIA_TYPE);
      ReportCsv.summary(summary, response.getOutputStream());
    }
  }

  /** The summary's fields per agency, level, procedure, field, channel, or per month, quarter or year. */
  @Operation(operationId = "readBreakdown", summary = READ_BREAKDOWN_SUMMARY, description = READ_BREAKDOWN)
  @GetMapping(value = "/breakdown", params = "!format")
  @RunsUseCase(ReportService.class)
  Breakdown breakdown(@AuthenticationPrincipal MotcuaUser user, @RequestParam String by,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String structure) {
    return reports.breakdown(user, from, to, agency, by, Structure.of(structure));
  }

  @Operation(operationId = "readBreakdown", summary = READ_BREAKDOWN_SUMMARY, description = READ_BREAKDOWN)
  @GetMapping(value = "/breakdown", params = "format")
  @RunsUseCase({ReportService.class, ExportReport.class})
  void breakdownExport(@AuthenticationPrincipal MotcuaUser user, @RequestParam String by,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String structure,
      @RequestParam String format, HttpServletResponse response) throws IOException {
    boolean excel = exports.excel(format);
    Breakdown breakdown = reports.breakdown(user, from, to, agency, by, Structure.of(structure));
    String name = "bao-cao-theo-" + breakdown.by() + "-" + from + "-" + to;
    if (excel) {
      attachment(response, name + ".xlsx", ReportXlsx.MEDIA_TYPE);
      xlsx.breakdown(breakdown, GROUP_HEADERS.get(breakdown.by()), response.getOutputStream());
    } else {
      attachment(response, name + ".csv", ReportCsv.MEDIA_TYPE);
      ReportCsv.breakdown(breakdown, GROUP_HEADERS.get(breakdown.by()), response.getOutputStream());
    }
  }

  /** Sổ theo dõi hồ sơ: the dossiers received in the period, paged. */
  @Operation(operationId = "readRegister", summary = READ_REGISTER_SUMMARY, description = READ_REGISTER)
  @GetMapping(value = "/register", params = "!format")
  @RunsUseCase(ReportService.class)
  Register register(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size, @RequestParam(required = false) String structure) {
    return reports.register(user, from, to, agency, page, size, Structure.of(structure));
  }

  /** The whole register as CSV (streamed) or as an Excel workbook (rows streamed to a temporary file). */
  @Operation(operationId = "readRegister", summary = READ_REGISTER_SUMMARY, description = READ_REGISTER)
  @GetMapping(value = "/register", params = "format")
  @RunsUseCase({ReportService.class, ExportReport.class})
  void registerExport(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(required = false) String structure,
      @RequestParam String format, HttpServletResponse response) throws IOException {
    Structure view = Structure.of(structure);
    if (exports.excel(format)) {
      String scope = reports.scope(user, agency, view);
      try (ReportXlsx.RegisterSheet sheet = xlsx.register(from, to, scope)) {
        reports.register(user, from, to, scope, view, sheet);
        attachment(response, "so-theo-doi-ho-so-" + from + "-" + to + ".xlsx", ReportXlsx.MEDIA_TYPE);
        sheet.write(response.getOutputStream());
      }
      return;
    }
    ReportCsv.RegisterWriter writer = new ReportCsv.RegisterWriter(response, "so-theo-doi-ho-so-" + from + "-" + to
        + ".csv");
    reports.register(user, from, to, agency, view, writer);
    writer.finish();
  }

  /** Bước xử lý đang quá hạn: the open steps past their due instant in an agency subtree, per agency. */
  @Operation(operationId = "readOverrunningSteps", summary = "Steps overrunning now (bước xử lý đang quá hạn)",
      description = "The open steps of dossiers (user tasks of any process model) past their due instant now, in the "
          + "agency subtree (`agency`, default: the supervisor's own) by the agency of the step, not the one that "
          + "received the dossier; most overdue first (at most 500), with a count per agency. Each step names its "
          + "dossier, agency, role, start, due instant, budget and the working minutes it has overrun by, and when "
          + "its warning and its escalation to the agency leader came. Supervisors read their own subtree; admins "
          + "any agency.")
  @GetMapping("/overrunning-steps")
  @RunsUseCase(ReportService.class)
  OverrunningSteps overrunningSteps(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam(required = false) String agency) {
    return reports.overrunning(user, agency);
  }

  private static final java.util.Map<String, String> GROUP_HEADERS = java.util.Map.of(
      "agency", "Cơ quan", "procedure", "Thủ tục", "field", "Lĩnh vực", "channel", "Hình thức nộp",
      "month", "Tháng", "quarter", "Quý", "year", "Năm", "level", "Cấp hành chính");

  static void attachment(HttpServletResponse response, String name, String mediaType) {
    response.setContentType(mediaType);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
  }
}
