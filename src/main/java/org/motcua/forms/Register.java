package org.motcua.forms;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * "Sổ theo dõi hồ sơ": the dossiers of an agency for a period, one row each, on landscape pages.
 *
 * @param header issuing agency and place
 * @param agencyName the agency (or subtree) whose dossiers are listed
 * @param from first day of the period
 * @param to last day of the period (inclusive)
 * @param rows the dossiers in the order to print
 */
public record Register(FormHeader header, String agencyName, LocalDate from, LocalDate to, List<Row> rows) {

  public Register {
    Objects.requireNonNull(header, "header");
    rows = rows == null ? List.of() : List.copyOf(rows);
  }

  /**
   * One dossier in the register.
   *
   * @param number running number (số thứ tự)
   * @param dossierCode mã hồ sơ
   * @param procedureName the procedure
   * @param applicantName the applicant
   * @param receivedAt reception instant
   * @param dueAt appointment
   * @param finishedAt when processing finished; {@code null} while in progress
   * @param returnedAt when the result was returned; {@code null} until then
   * @param status status text, e.g. "Đang xử lý"
   * @param note free note, e.g. "Quá hạn 2 ngày"
   */
  public record Row(int number, String dossierCode, String procedureName, String applicantName,
      LocalDateTime receivedAt, LocalDateTime dueAt, LocalDateTime finishedAt, LocalDateTime returnedAt,
      String status, String note) {
  }
}
