package org.motcua.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.Map;
import org.motcua.payment.Charge;

/** What clients send to the dossier API. */
public final class DossierRequests {

  private DossierRequests() {
  }

  /**
   * Nộp hồ sơ trực tuyến. {@code feeQuantities}: what the fee is counted by, as the procedure's fee schedule names
   * them (e.g. {@code {"pages": 5, "copies": 2}}); undeclared ones take their default. {@code agencyCode}: the
   * receiving agency, one of the procedure's offerings; required when it has several, the only one otherwise.
   * {@code caseCode}: the case (trường hợp) of the procedure; required when it has several cases and none is its
   * default, or selected by the form's data where the e-form's rules say (a late birth registration).
   * {@code form}: the declaration (tờ khai) filled in as the procedure case's e-form ({@code GET
   * /api/procedures/{code}/form}), checked against its JSON Schema; it then stands as the declaration component, no
   * file needed. Null: no e-form, the declaration is uploaded as a file.
   */
  public record SubmitDossier(
      @NotBlank(message = "{validation.required}") String procedureCode,
      @NotNull(message = "{validation.required}") @Valid ApplicantInput applicant,
      Map<String, Integer> feeQuantities,
      @Size(max = 40, message = "{validation.size}") String agencyCode,
      @Size(max = 50, message = "{validation.size}") String caseCode,
      com.fasterxml.jackson.databind.JsonNode form) {

    public SubmitDossier(String procedureCode, ApplicantInput applicant, Map<String, Integer> feeQuantities,
        String agencyCode, String caseCode) {
      this(procedureCode, applicant, feeQuantities, agencyCode, caseCode, null);
    }

    public SubmitDossier(String procedureCode, ApplicantInput applicant) {
      this(procedureCode, applicant, null, null, null);
    }

    public SubmitDossier(String procedureCode, ApplicantInput applicant, Map<String, Integer> feeQuantities,
        String agencyCode) {
      this(procedureCode, applicant, feeQuantities, agencyCode, null);
    }

    public SubmitDossier(String procedureCode, ApplicantInput applicant, Map<String, Integer> feeQuantities) {
      this(procedureCode, applicant, feeQuantities, null, null);
    }
  }

  /**
   * A dossier received at the counter (channel 1) or arrived by public post (channel 3, with the postal tracking
   * number). {@code resultDelivery}: 1 at the counter (default), 2 online, 3 by post. {@code agencyCode}: optional,
   * the receiving agency, which can only be the clerk's own (and must offer the procedure). {@code caseCode}: the
   * case, as for an online submission.
   */
  public record EnterDossier(
      @NotBlank(message = "{validation.required}") String procedureCode,
      @NotNull(message = "{validation.required}") @Min(value = 1, message = "{validation.channel}")
      @Max(value = 3, message = "{validation.channel}") Integer channel,
      @NotNull(message = "{validation.required}") @Valid ApplicantInput applicant,
      @Size(max = 40, message = "{validation.size}") String postalTrackingNumber,
      @Min(value = 1, message = "{validation.channel}") @Max(value = 3, message = "{validation.channel}")
      Integer resultDelivery,
      Map<String, Integer> feeQuantities,
      @Valid FeeAtCounter fee,
      @Size(max = 40, message = "{validation.size}") String agencyCode,
      @Size(max = 50, message = "{validation.size}") String caseCode) {

    public EnterDossier(String procedureCode, Integer channel, ApplicantInput applicant, String postalTrackingNumber,
        Integer resultDelivery) {
      this(procedureCode, channel, applicant, postalTrackingNumber, resultDelivery, null, null, null, null);
    }

    public EnterDossier(String procedureCode, Integer channel, ApplicantInput applicant, String postalTrackingNumber,
        Integer resultDelivery, Map<String, Integer> feeQuantities, FeeAtCounter fee) {
      this(procedureCode, channel, applicant, postalTrackingNumber, resultDelivery, feeQuantities, fee, null, null);
    }

    public EnterDossier(String procedureCode, Integer channel, ApplicantInput applicant, String postalTrackingNumber,
        Integer resultDelivery, Map<String, Integer> feeQuantities, FeeAtCounter fee, String agencyCode) {
      this(procedureCode, channel, applicant, postalTrackingNumber, resultDelivery, feeQuantities, fee, agencyCode,
          null);
    }
  }

  /**
   * A fee due at submission, settled by the clerk as the dossier is entered: paid in cash or by card with the receipt
   * number issued ({@code method} CASH or POS), or waived on one of the procedure's exemption grounds
   * ({@code exemptionCode}).
   */
  public record FeeAtCounter(
      Charge.Method method,
      @Size(max = 60, message = "{validation.size}") String receiptNumber,
      @Size(max = 40, message = "{validation.size}") String exemptionCode,
      @Size(max = 1000, message = "{validation.size}") String note) {
  }

  public record ApplicantInput(
      @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String name,
      @NotBlank(message = "{validation.required}") String idNumber,
      @Pattern(regexp = "0\\d{9}", message = "{validation.phone}") String phone,
      @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.size}") String email,
      @Size(max = 500, message = "{validation.size}") String address) {
  }

  /**
   * An officer's decision on a task. {@code newAppointment} goes with {@code apologize} (form 04);
   * {@code trackingNumber} with returning a result by post.
   */
  public record CompleteTask(
      @NotBlank(message = "{validation.required}") String decision,
      @Size(max = 2000, message = "{validation.size}") String note,
      LocalDateTime newAppointment,
      @Size(max = 40, message = "{validation.size}") String trackingNumber) {

    public CompleteTask(String decision, String note) {
      this(decision, note, null, null);
    }
  }

  /** Nộp bổ sung: what the applicant says about the documents supplied. */
  public record ProvideSupplement(@Size(max = 2000, message = "{validation.size}") String note) {
  }

  /** Đã thực hiện nghĩa vụ tài chính: the receipt (biên lai, chứng từ nộp thuế) that proves the payment. */
  public record FulfilObligation(
      @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size}") String receipt) {
  }

  /** Yêu cầu rút hồ sơ, with the applicant's reason. */
  public record RequestWithdrawal(
      @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") String reason) {
  }

  /** Reuse a document of the applicant's e-data warehouse for a component. */
  public record ReuseDocument(
      @NotBlank(message = "{validation.required}") String component,
      @NotNull(message = "{validation.required}") Long warehouseItemId) {
  }
}
