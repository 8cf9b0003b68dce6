package org.motcua.payment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.motcua.catalog.Catalog;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The daily reconciliation for supervisors (their subtree) and admins (everything, unknown callbacks included). */
@RestController
class ReconciliationController {

  private final Reconciliation reconciliation;
  private final Catalog catalog;

  ReconciliationController(Reconciliation reconciliation, Catalog catalog) {
    this.reconciliation = reconciliation;
    this.catalog = catalog;
  }

  @GetMapping("/api/reports/reconciliation")
  Reconciliation.Report json(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return report(user, date);
  }

  @GetMapping(path = "/api/reports/reconciliation.csv")
  ResponseEntity<byte[]> csv(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    StringBuilder csv = new StringBuilder("\uFEFF"); // BOM: spreadsheet programs then read the Vietnamese headers
    csv.append("Thời điểm nhận,Cổng,Mã giao dịch,Số tiền (đồng),Kết quả đối soát,Cần xử lý,Mã hồ sơ,"
        + "Số tiền phải nộp (đồng),Trạng thái khoản thu\r\n");
    for (Reconciliation.Line l : report(user, date).lines()) {
      csv.append(String.join(",", String.valueOf(l.receivedAt()), l.gateway(), cell(l.txnRef()),
          cell(l.amountVnd()), l.verdict(), l.flagged() ? "có" : "không", cell(l.dossierCode()),
          cell(l.chargeAmountVnd()), cell(l.chargeStatus()))).append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("doi-soat-" + date + ".csv").build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private Reconciliation.Report report(MotcuaUser user, LocalDate date) {
    boolean admin = user.is(Role.ADMIN);
    Predicate<String> visible = admin ? code -> true
        : code -> catalog.isWithin(code.substring(0, Math.max(code.indexOf('-'), 0)), user.agencyCode());
    return reconciliation.of(date, visible, admin);
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    // Quote, and defuse spreadsheet formulas in values that come from outside (a forged txnRef).
    String safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
