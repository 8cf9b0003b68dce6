package org.motcua.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.motcua.catalog.Catalog;
import org.motcua.common.CsvWriter;
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
@Tag(name = "Reports",
    description = "Báo cáo: the national indicators, their breakdowns and exports, the dossier register and the "
        + "daily payment reconciliation.")
@RestController
class ReconciliationController {

  private final Reconciliation reconciliation;
  private final Catalog catalog;

  ReconciliationController(Reconciliation reconciliation, Catalog catalog) {
    this.reconciliation = reconciliation;
    this.catalog = catalog;
  }

  @Operation(operationId = "readReconciliation", summary = "The daily payment reconciliation (đối soát)",
      description = "Every gateway notification received on `date`, matched with the charge it settles: supervisors "
          + "see their agency and the units below it; admins everything, unknown callbacks included.")
  @GetMapping("/api/reports/reconciliation")
  Reconciliation.Report json(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return report(user, date);
  }

  @Operation(operationId = "exportReconciliation", summary = "The daily payment reconciliation as CSV",
      description = "The same lines as a CSV file with Vietnamese headers.")
  @GetMapping(path = "/api/reports/reconciliation.csv")
  ResponseEntity<byte[]> csv(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvWriter csv = new CsvWriter(bytes);
    csv.line("Thời điểm nhận", "Cổng", "Mã giao dịch", "Số tiền (đồng)", "Kết quả đối soát", "Cần xử lý", "Mã hồ sơ",
        "Số tiền phải nộp (đồng)", "Trạng thái khoản thu");
    for (Reconciliation.Line l : report(user, date).lines()) {
      // The transaction reference and amount come from the caller of the callback (possibly forged): the writer
      // neutralises them like any text; the amounts are numbers the gateway sent, parsed as such.
      csv.line(l.receivedAt(), l.gateway(), l.txnRef(), l.amountVnd(), l.verdict(), l.flagged() ? "có" : "không",
          l.dossierCode(), l.chargeAmountVnd(), l.chargeStatus());
    }
    csv.flush();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(CsvWriter.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("doi-soat-" + date + ".csv").build().toString())
        .body(bytes.toByteArray());
  }

  private Reconciliation.Report report(MotcuaUser user, LocalDate date) {
    boolean admin = user.is(Role.ADMIN);
    Predicate<String> visible = admin ? code -> true
        : code -> catalog.isWithin(code.substring(0, Math.max(code.indexOf('-'), 0)), user.agencyCode());
    return reconciliation.of(date, visible, admin);
  }
}
