package org.motcua.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Form 02, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ": the one written guide listing what is missing and why.
 *
 * @param header issuing agency and place
 * @param dossierCode mã hồ sơ
 * @param procedureName the procedure applied for
 * @param applicant to whom the request goes
 * @param items what to supplement, each with its reason
 * @param legalBasis the legal basis of the request, e.g. the procedure's decision and article
 * @param officerName the officer who gives the guide
 * @param date date of the request
 */
public record SupplementRequest(
    FormHeader header,
    String dossierCode,
    String procedureName,
    ApplicantInfo applicant,
    List<Item> items,
    String legalBasis,
    String officerName,
    LocalDate date) {

  public SupplementRequest {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(dossierCode, "dossierCode");
    items = items == null ? List.of() : List.copyOf(items);
  }

  /**
   * One thing to supplement or complete.
   *
   * @param document the document or content to supplement
   * @param reason why it is needed
   */
  public record Item(String document, String reason) {
  }
}
