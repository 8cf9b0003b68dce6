package org.motcua.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.motcua.common.ApiException;
import org.motcua.security.MotcuaUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final ReportService reports;
  private final ReportXlsx xlsx;

  ReportController(ReportService reports, ReportXlsx xlsx) {
    this.reports = reports;
    this.xlsx = xlsx;
  }

  /** The national indicators for a period (both days included) and an agency subtree. */
  @GetMapping(value = "/summary", params = "!format")
  Summary summary(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency) {
    return reports.summary(user, from, to, agency);
  }

  /** The same as CSV ({@code format=csv}) or an Excel workbook ({@code format=xlsx}), with Vietnamese headers. */
  @GetMapping(value = "/summary", params = "format")
  void summaryExport(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam String format, HttpServletResponse response)
      throws IOException {
    boolean excel = excel(format);
    Summary summary = reports.summary(user, from, to, agency);
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
  @GetMapping(value = "/breakdown", params = "!format")
  Breakdown breakdown(@AuthenticationPrincipal MotcuaUser user, @RequestParam String by,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency) {
    return reports.breakdown(user, from, to, agency, by);
  }

  @GetMapping(value = "/breakdown", params = "format")
  void breakdownExport(@AuthenticationPrincipal MotcuaUser user, @RequestParam String by,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam String format, HttpServletResponse response)
      throws IOException {
    boolean excel = excel(format);
    Breakdown breakdown = reports.breakdown(user, from, to, agency, by);
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
  @GetMapping(value = "/register", params = "!format")
  Register register(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    return reports.register(user, from, to, agency, page, size);
  }

  /** The whole register as CSV (streamed) or as an Excel workbook (rows streamed to a temporary file). */
  @GetMapping(value = "/register", params = "format")
  void registerExport(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam String format, HttpServletResponse response)
      throws IOException {
    if (excel(format)) {
      String scope = reports.scope(user, agency);
      try (ReportXlsx.RegisterSheet sheet = xlsx.register(from, to, scope)) {
        reports.register(user, from, to, scope, sheet);
        attachment(response, "so-theo-doi-ho-so-" + from + "-" + to + ".xlsx", ReportXlsx.MEDIA_TYPE);
        sheet.write(response.getOutputStream());
      }
      return;
    }
    ReportCsv.RegisterWriter writer = new ReportCsv.RegisterWriter(response, "so-theo-doi-ho-so-" + from + "-" + to
        + ".csv");
    reports.register(user, from, to, agency, writer);
    writer.finish();
  }

  private static final java.util.Map<String, String> GROUP_HEADERS = java.util.Map.of(
      "agency", "Cơ quan", "procedure", "Thủ tục", "field", "Lĩnh vực", "channel", "Hình thức nộp",
      "month", "Tháng", "quarter", "Quý", "year", "Năm", "level", "Cấp hành chính");

  /** True for xlsx, false for csv; anything else is refused. */
  private static boolean excel(String format) {
    if ("xlsx".equalsIgnoreCase(format)) {
      return true;
    }
    if (!"csv".equalsIgnoreCase(format)) {
      throw ApiException.badRequest("UNKNOWN_EXPORT_FORMAT", format);
    }
    return false;
  }

  static void attachment(HttpServletResponse response, String name, String mediaType) {
    response.setContentType(mediaType);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
  }
}
