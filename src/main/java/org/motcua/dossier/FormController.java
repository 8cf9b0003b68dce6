package org.motcua.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.motcua.common.RunsUseCase;
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
@Tag(name = "Forms", description = "Biểu mẫu: the printable PDF forms of a dossier and the dossier register.")
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
  @Operation(operationId = "printForm", summary = "Print a dossier's form as PDF (biểu mẫu)",
      description = "`form` is one of `receipt` (form 01, the receipt and appointment slip), `supplement-request` "
          + "(form 02), `refusal` (form 03), `apology` (form 04), `control-slip` (the processing-control "
          + "slip) and `payment-receipt` (the fee's e-receipt, biên lai điện tử); for the people who may "
          + "read the dossier, once the form exists.")
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
  @Operation(operationId = "printRegister", summary = "Print the dossier register (sổ theo dõi hồ sơ)",
      description = "The dossiers an agency received in a period, as PDF: officers their own agency's dossiers only "
          + "(not the units below it), supervisors their agency and the units below it, admins any agency.")
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
