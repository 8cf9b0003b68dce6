package org.motcua.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Form 04, "Phiếu xin lỗi và hẹn lại ngày trả kết quả": issued before a dossier goes past its due date.
 *
 * @param header issuing agency and place
 * @param dossierCode mã hồ sơ
 * @param procedureName the procedure applied for
 * @param applicant to whom the apology goes
 * @param receivedAt when the dossier was received; may be {@code null}
 * @param originalDueAt the appointment that will be missed
 * @param delayReason why the result is late
 * @param newDueAt the new appointment, date and hour
 * @param signerTitle title over the signature, e.g. "GIÁM ĐỐC"; {@code null} prints "THỦ TRƯỞNG CƠ QUAN"
 * @param signerName who signs for the agency
 * @param date date of the notice
 */
public record ApologyNotice(
    FormHeader header,
    String dossierCode,
    String procedureName,
    ApplicantInfo applicant,
    LocalDateTime receivedAt,
    LocalDateTime originalDueAt,
    String delayReason,
    LocalDateTime newDueAt,
    String signerTitle,
    String signerName,
    LocalDate date) {

  public ApologyNotice {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(dossierCode, "dossierCode");
  }
}
