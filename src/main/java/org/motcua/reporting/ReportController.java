package org.motcua.reporting;

import java.time.LocalDate;
import org.motcua.security.MotcuaUser;
import org.springframework.format.annotation.DateTimeFormat;
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
  @GetMapping("/summary")
  Summary summary(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency) {
    return reports.summary(user, from, to, agency);
  }
}
