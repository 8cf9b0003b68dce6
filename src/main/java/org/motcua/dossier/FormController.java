package org.motcua.dossier;

import org.motcua.common.RunsUseCase;
import java.time.LocalDate;
import org.motcua.security.MotcuaUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Printable PDF forms, for the people entitled to see the dossier. */
@RestController
class FormController {

  private final DossierForms forms;

  FormController(DossierForms forms) {
    this.forms = forms;
  }

  /**
   * {@code form}: receipt (01), supplement-request (02), refusal (03), apology (04), control-slip, payment-receipt
   * (the e-receipt of the fee).
   */
  @GetMapping("/api/dossiers/{code}/forms/{form}")
  @RunsUseCase(DossierForms.class)
  ResponseEntity<byte[]> form(@AuthenticationPrincipal MotcuaUser user, @PathVariable String code,
      @PathVariable String form) {
    return pdf(forms.render(user, code, form), code + "-" + form + ".pdf");
  }

  /**
   * Sổ theo dõi hồ sơ for a period and an agency: officers their own agency's dossiers only (not the units below it),
   * supervisors their subtree, admins any agency.
   */
  @GetMapping("/api/register")
  @RunsUseCase(DossierForms.class)
  ResponseEntity<byte[]> register(@AuthenticationPrincipal MotcuaUser user,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String agency) {
    return pdf(forms.register(user, from, to, agency), "so-theo-doi-" + from + "-" + to + ".pdf");
  }

  private static ResponseEntity<byte[]> pdf(byte[] content, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
        .body(content);
  }
}
