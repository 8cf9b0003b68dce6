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

  ReportController(ReportService reports) {
    this.reports = reports;
  }

  /** The national indicators for a period (both days included) and an agency subtree. */
  @GetMapping(value = "/summary", params = "!format")
  Summary summary(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency) {
    return reports.summary(user, from, to, agency);
  }

  /** The same as CSV ({@code format=csv}) with Vietnamese headers, for Excel. */
  @GetMapping(value = "/summary", params = "format")
  void summaryExport(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam String format, HttpServletResponse response)
      throws IOException {
    checkCsv(format);
    Summary summary = reports.summary(user, from, to, agency);
    attachment(response, "bao-cao-tong-hop-" + from + "-" + to + ".csv");
    ReportCsv.summary(summary, response.getOutputStream());
  }

  /** The summary's fields per agency, procedure, field, channel or month. */
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
    checkCsv(format);
    Breakdown breakdown = reports.breakdown(user, from, to, agency, by);
    attachment(response, "bao-cao-theo-" + breakdown.by() + "-" + from + "-" + to + ".csv");
    ReportCsv.breakdown(breakdown, GROUP_HEADERS.get(breakdown.by()), response.getOutputStream());
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

  /** The whole register as CSV, streamed. */
  @GetMapping(value = "/register", params = "format")
  void registerExport(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency, @RequestParam String format, HttpServletResponse response)
      throws IOException {
    checkCsv(format);
    ReportCsv.RegisterWriter writer = new ReportCsv.RegisterWriter(response, "so-theo-doi-ho-so-" + from + "-" + to
        + ".csv");
    reports.register(user, from, to, agency, writer);
    writer.finish();
  }

  private static final java.util.Map<String, String> GROUP_HEADERS = java.util.Map.of(
      "agency", "Cơ quan", "procedure", "Thủ tục", "field", "Lĩnh vực", "channel", "Hình thức nộp",
      "month", "Tháng");

  private static void checkCsv(String format) {
    if (!"csv".equalsIgnoreCase(format)) {
      throw ApiException.badRequest("UNKNOWN_EXPORT_FORMAT", format);
    }
  }

  static void attachment(HttpServletResponse response, String name) {
    response.setContentType(ReportCsv.MEDIA_TYPE);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
  }
}
