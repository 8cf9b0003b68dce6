package org.motcua.forms;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Form 03, "Phiếu từ chối tiếp nhận, giải quyết hồ sơ".
 *
 * @param header issuing agency and place
 * @param dossierCode mã hồ sơ
 * @param procedureName the procedure applied for
 * @param applicant to whom the notice goes
 * @param reason why the dossier is refused
 * @param officerName the officer who refuses
 * @param date date of the notice
 */
public record RefusalNotice(
    FormHeader header,
    String dossierCode,
    String procedureName,
    ApplicantInfo applicant,
    String reason,
    String officerName,
    LocalDate date) {

  public RefusalNotice {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(dossierCode, "dossierCode");
  }
}
