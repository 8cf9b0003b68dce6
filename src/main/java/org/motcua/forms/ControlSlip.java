package org.motcua.forms;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * "Phiếu kiểm soát quá trình giải quyết hồ sơ": every hand-over of the dossier, who gave it to whom, when, and whether
 * the step kept its own deadline.
 *
 * @param header issuing agency and place
 * @param dossierCode mã hồ sơ
 * @param procedureName the procedure applied for
 * @param applicant who submitted the dossier
 * @param receivedAt reception instant
 * @param dueAt the dossier's due instant
 * @param steps the steps in order
 */
public record ControlSlip(
    FormHeader header,
    String dossierCode,
    String procedureName,
    ApplicantInfo applicant,
    LocalDateTime receivedAt,
    LocalDateTime dueAt,
    List<Step> steps) {

  public ControlSlip {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(dossierCode, "dossierCode");
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /**
   * One step of the processing.
   *
   * @param name the step, e.g. "Tiếp nhận hồ sơ", "Thẩm định"
   * @param from who handed the dossier over
   * @param to who received it; may be {@code null} for the last step
   * @param at when the step was done and the dossier handed over
   * @param deadline the step's own deadline; may be {@code null}
   * @param result result or note, e.g. "Đủ điều kiện"
   * @param onTime whether the step kept its deadline; {@code null} judges it from {@code at} and {@code deadline} when
   *     both are known, and leaves it blank otherwise
   */
  public record Step(String name, Party from, Party to, LocalDateTime at, LocalDateTime deadline, String result,
      Boolean onTime) {

    /** The explicit judgement, or the one that follows from the times, or {@code null} when neither is known. */
    public Boolean judgedOnTime() {
      if (onTime != null) {
        return onTime;
      }
      return at == null || deadline == null ? null : !at.isAfter(deadline);
    }
  }

  /**
   * An officer and where they sit.
   *
   * @param name e.g. "Trần Văn An"
   * @param role e.g. "Chuyên viên", "Lãnh đạo"
   * @param department e.g. "Bộ phận Một cửa", "Phòng Hành chính tư pháp"
   */
  public record Party(String name, String role, String department) {
  }
}
