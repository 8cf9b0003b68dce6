package org.motcua.forms;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Form 01, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": issued at reception with the appointment date and hour.
 * Printed with the dossier code as a Code 128 barcode and a QR code for tracking and the satisfaction rating.
 *
 * @param header issuing agency and place
 * @param dossierCode mã hồ sơ, e.g. "000.00.12.H13-250123-0007"
 * @param procedureName the procedure (and case) applied for
 * @param applicant who submitted the dossier
 * @param components the components received
 * @param processingTime the lawful processing time as text, e.g. "05 ngày làm việc"; may be {@code null}
 * @param receivedAt reception instant
 * @param dueAt appointment for the result (ngày hẹn trả), date and hour
 * @param channel how the dossier came in, e.g. "Trực tiếp tại Bộ phận Một cửa"
 * @param resultDelivery where and how the result is returned, e.g. "Tại Bộ phận Một cửa" or a postal address
 * @param clerkName the receiving clerk
 * @param registerBook book of the dossier register (quyển số); may be {@code null}
 * @param registerEntry entry number in the register (số thứ tự); may be {@code null}
 * @param trackingUrl address for tracking and rating, printed as a QR code; {@code null} prints none
 */
public record ReceiptSlip(
    FormHeader header,
    String dossierCode,
    String procedureName,
    ApplicantInfo applicant,
    List<Component> components,
    String processingTime,
    LocalDateTime receivedAt,
    LocalDateTime dueAt,
    String channel,
    String resultDelivery,
    String clerkName,
    String registerBook,
    String registerEntry,
    String trackingUrl) {

  public ReceiptSlip {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(dossierCode, "dossierCode");
    components = components == null ? List.of() : List.copyOf(components);
  }

  /**
   * One received component (thành phần hồ sơ).
   *
   * @param name the document, e.g. "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"
   * @param form "Bản chính", "Bản sao", "Bản sao có chứng thực", "Bản điện tử", ...
   * @param copies number of copies
   * @param digitized whether the component was digitized (scanned or reused from the e-data warehouse)
   */
  public record Component(String name, String form, int copies, boolean digitized) {
  }
}
