package org.motcua.portal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A dossier as the National Public Service Portal (Cổng Dịch vụ công quốc gia, DVCQG) receives it at each change:
 * the field names a provincial system sends (DOMAIN.md "National portal sync"). Instants are local time
 * (Asia/Ho_Chi_Minh) as {@code yyyyMMddHHmmss}; flags are 1 or 0, or absent when motcua does not know.
 * README "National portal sync" gives the mapping as a table.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = false)
public record PortalDossier(
    @JsonProperty("MaHoSo") String dossierCode,
    @JsonProperty("MaTTHC") String nationalProcedureCode,
    @JsonProperty("MaTTHCDiaPhuong") String procedureCode,
    @JsonProperty("TenTTHC") String procedureName,
    @JsonProperty("MaTruongHop") String caseCode,
    @JsonProperty("MaLinhVuc") String field,
    @JsonProperty("MaDonViTiepNhan") String agencyCode,
    @JsonProperty("KenhThucHien") int channel,
    @JsonProperty("ChuHoSo") String applicantName,
    @JsonProperty("SoGiayToChuHoSo") String applicantIdNumber,
    @JsonProperty("NgayNopHoSo") String submittedAt,
    @JsonProperty("NgayTiepNhan") String receivedAt,
    @JsonProperty("NgayHenTra") String appointmentAt,
    @JsonProperty("NgayHenTraMoi") String newAppointmentAt,
    @JsonProperty("TrangThaiHoSo") int status,
    @JsonProperty("NgayKetThucXuLy") String endedAt,
    @JsonProperty("NgayTra") String returnedAt,
    @JsonProperty("HoSoCoThanhPhanSoHoa") int componentsDigitized,
    @JsonProperty("HoSoCoThanhPhanTaiSuDung") int componentsReused,
    @JsonProperty("KetQuaDienTu") int resultDigitized,
    @JsonProperty("TaiKhoanDuocXacThucVoiVNeID") Integer vneidVerified,
    @JsonProperty("DuocThanhToanTrucTuyen") int paidOnline,
    @JsonProperty("SoLanBoSung") int supplementCount,
    @JsonProperty("TaiLieuNop") List<Document> submitted,
    @JsonProperty("DanhSachLePhi") List<Fee> fees,
    @JsonProperty("DanhSachYeuCauBoSung") List<Supplement> supplements,
    @JsonProperty("DanhSachGiayToKetQua") List<Document> results,
    @JsonProperty("QuaTrinhXuLy") List<Step> steps,
    @JsonProperty("MaBieuMau") String formKey,
    @JsonProperty("DuLieuToKhai") JsonNode formData) {

  /** A file of the dossier: a component the applicant supplied, or a result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Document(
      @JsonProperty("MaThanhPhan") String componentCode,
      @JsonProperty("TenTepDinhKem") String filename,
      @JsonProperty("DuocSoHoa") int digitized,
      @JsonProperty("DuocTaiSuDung") int reused,
      @JsonProperty("MaHash") String sha256,
      @JsonProperty("NgayTao") String at) {
  }

  /** A fee or charge (phí, lệ phí) and how it was settled. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Fee(
      @JsonProperty("SoTien") long amountVnd,
      @JsonProperty("TrangThai") String status,
      @JsonProperty("HinhThucThu") String method,
      @JsonProperty("NgayThu") String settledAt,
      @JsonProperty("SoBienLai") String receiptNumber) {
  }

  /** A supplement request (yêu cầu bổ sung, form 02) and, once answered, when the applicant supplied it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Supplement(
      @JsonProperty("NgayYeuCau") String requestedAt,
      @JsonProperty("NoiDungYeuCau") String guide,
      @JsonProperty("NgayBoSung") String providedAt) {
  }

  /** A line of the processing-control slip: who did what, when, under which step's regulated deadline. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(
      @JsonProperty("NguoiXuLy") String officer,
      @JsonProperty("ChucDanh") String title,
      @JsonProperty("DonViXuLy") String agencyCode,
      @JsonProperty("ThoiDiemXuLy") String at,
      @JsonProperty("NoiDungXuLy") String action,
      @JsonProperty("TenBuocXuLy") String stepName,
      @JsonProperty("TrangThai") int status,
      @JsonProperty("HanXuLy") String stepDueAt) {
  }
}
