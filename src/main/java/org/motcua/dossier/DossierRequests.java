package org.motcua.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What clients send to the dossier API (the web pages send the same commands through the service). */
public final class DossierRequests {

  private DossierRequests() {
  }

  /** Nộp hồ sơ trực tuyến. */
  public record SubmitDossier(
      @NotBlank(message = "{validation.required}") String procedureCode,
      @NotNull(message = "{validation.required}") @Valid ApplicantInput applicant) {
  }

  public record ApplicantInput(
      @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String name,
      @NotBlank(message = "{validation.required}") String idNumber,
      @Pattern(regexp = "0\\d{9}", message = "{validation.phone}") String phone,
      @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.size}") String email,
      @Size(max = 500, message = "{validation.size}") String address) {
  }

  public record CompleteTask(
      @NotBlank(message = "{validation.required}") String decision,
      @Size(max = 2000, message = "{validation.size}") String note) {
  }

  /** Nộp bổ sung: what the applicant says about the documents supplied. */
  record ProvideSupplement(@Size(max = 2000, message = "{validation.size}") String note) {
  }
}
