package org.motcua.forms;

import static org.motcua.forms.FormText.appointment;
import static org.motcua.forms.FormText.longTime;
import static org.motcua.forms.FormText.orBlank;
import static org.motcua.forms.FormText.shortDate;
import static org.motcua.forms.FormText.shortDateTime;

import com.google.zxing.common.BitMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.motcua.forms.Sheet.Align;
import org.motcua.forms.Sheet.Column;
import org.motcua.forms.Sheet.Run;
import org.motcua.forms.Sheet.Signature;
import org.springframework.stereotype.Component;

/**
 * Renders the printable forms of the one-stop mechanism as PDF, one method per form. Stateless and thread-safe; usable
 * with or without Spring ({@code new FormPdfs()}). Text is set in DejaVu Sans (embedded subset), so Vietnamese prints
 * and extracts exactly; missing values print as dotted blanks to fill in by hand.
 */
@Component
public class FormPdfs {

  private static final String FONT_REGULAR = "/fonts/DejaVuSans.ttf";
  private static final String FONT_BOLD = "/fonts/DejaVuSans-Bold.ttf";
  private static final float TITLE = 13.5f;
  private static final float SMALL = 8.5f;
  private static final float QR_BLOCK = 74;
  private static final String SIGN_HINT = "(Ký và ghi rõ họ tên)";

  private final byte[] regularFont;
  private final byte[] boldFont;

  public FormPdfs() {
    this.regularFont = resource(FONT_REGULAR);
    this.boldFont = resource(FONT_BOLD);
  }

  /** Form 01, the receipt and appointment slip, with the dossier code as Code 128 and the tracking URL as QR. */
  public byte[] receiptSlip(ReceiptSlip slip) {
    return render(false, s -> {
      nationalHeader(s, slip.header(), slip.receivedAt() == null ? null : slip.receivedAt().toLocalDate());
      title(s, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
      dossierBarcode(s, slip.dossierCode());
      s.paragraph(new Run("Bộ phận tiếp nhận và trả kết quả, " + orBlank(slip.header().agencyName())
          + ", tiếp nhận hồ sơ của:", false));
      applicant(s, slip.applicant());
      labeled(s, "Nội dung yêu cầu giải quyết:", slip.procedureName(), true);
      labeled(s, "Hình thức nộp hồ sơ:", slip.channel(), false);
      s.paragraph(new Run("1. Thành phần hồ sơ nộp gồm:", false));
      componentsTable(s, slip.components());
      labeled(s, "2. Thời gian giải quyết hồ sơ theo quy định:", slip.processingTime(), false);
      labeled(s, "3. Thời gian nhận hồ sơ:", longTime(slip.receivedAt()), false);
      labeled(s, "4. Thời gian trả kết quả giải quyết hồ sơ:", appointment(slip.dueAt()), true);
      labeled(s, "5. Đăng ký nhận kết quả tại:", slip.resultDelivery(), false);
      s.paragraph(new Run("Vào Sổ theo dõi hồ sơ, quyển số: " + orBlank(slip.registerBook())
          + ", số thứ tự: " + orBlank(slip.registerEntry()) + ".", false));
      boolean qr = slip.trackingUrl() != null && !slip.trackingUrl().isBlank();
      s.ensure(Sheet.SIGNATURES_HEIGHT + (qr ? QR_BLOCK : 0));
      s.signatures(List.of(
          new Signature("NGƯỜI NỘP HỒ SƠ", SIGN_HINT, slip.applicant() == null ? null : slip.applicant().name()),
          new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, slip.clerkName())));
      trackingQr(s, slip.trackingUrl());
    });
  }

  /** Form 02, the one written guide to supplement and complete the dossier. */
  public byte[] supplementRequest(SupplementRequest request) {
    return render(false, s -> {
      nationalHeader(s, request.header(), request.date());
      title(s, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
      dossierBarcode(s, request.dossierCode());
      addressee(s, request.applicant());
      labeled(s, "Nội dung yêu cầu giải quyết:", request.procedureName(), true);
      labeled(s, "Căn cứ:", request.legalBasis(), false);
      s.paragraph(new Run("Sau khi xem xét thành phần hồ sơ, đối chiếu với quy định hiện hành, "
          + orBlank(request.header().agencyName())
          + " đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", false));
      s.space(2);
      List<List<String>> rows = new ArrayList<>();
      for (SupplementRequest.Item item : request.items()) {
        rows.add(List.of(String.valueOf(rows.size() + 1), orBlank(item.document()), orBlank(item.reason())));
      }
      s.table(List.of(
              new Column("TT", 3, Align.CENTER),
              new Column("Nội dung cần bổ sung, hoàn thiện", 22, Align.LEFT),
              new Column("Lý do", 22, Align.LEFT)),
          rows, 9);
      s.space(4);
      s.paragraph(new Run("Thời gian bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết. Trong quá trình "
          + "hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Bộ phận tiếp nhận và trả kết quả để được hướng dẫn.",
          false));
      s.paragraph(new Run("Xin trân trọng cảm ơn!", false));
      s.signatures(List.of(new Signature("NGƯỜI HƯỚNG DẪN", SIGN_HINT, request.officerName())));
    });
  }

  /** Form 03, refusal to receive or to process the dossier, with the reason. */
  public byte[] refusalNotice(RefusalNotice notice) {
    return render(false, s -> {
      nationalHeader(s, notice.header(), notice.date());
      title(s, "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ");
      dossierBarcode(s, notice.dossierCode());
      addressee(s, notice.applicant());
      labeled(s, "Nội dung yêu cầu giải quyết:", notice.procedureName(), true);
      s.paragraph(new Run("Qua xem xét, " + orBlank(notice.header().agencyName())
          + " thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:", false));
      s.paragraph(Sheet.BODY, 14, new Run(orBlank(notice.reason()), false));
      s.paragraph(new Run("Xin thông báo cho Ông/Bà được biết và thực hiện./.", false));
      s.signatures(List.of(new Signature("NGƯỜI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", SIGN_HINT, notice.officerName())));
    });
  }

  /** The e-receipt (biên lai điện tử) of a fee or charge paid for a dossier. */
  public byte[] paymentReceipt(PaymentReceipt receipt) {
    return render(false, s -> {
      nationalHeader(s, receipt.header(), receipt.paidAt() == null ? null : receipt.paidAt().toLocalDate());
      title(s, "BIÊN LAI THU PHÍ, LỆ PHÍ");
      dossierBarcode(s, receipt.dossierCode());
      labeled(s, "Số biên lai:", orBlank(receipt.receiptNumber()), true);
      labeled(s, "Họ và tên người nộp:", receipt.payer() == null ? FormText.BLANK : orBlank(receipt.payer().name()),
          true);
      labeled(s, "Số định danh:", receipt.payer() == null ? FormText.BLANK : orBlank(receipt.payer().idNumber()),
          false);
      labeled(s, "Nội dung thu:", "Phí, lệ phí giải quyết thủ tục " + orBlank(receipt.procedureName()), false);
      for (String line : receipt.feeLines()) {
        s.paragraph(new Run("– " + line, false));
      }
      labeled(s, "Số tiền:", String.format("%,d", receipt.amountVnd()).replace(',', '.') + " đồng", true);
      labeled(s, "Hình thức nộp:", orBlank(receipt.method()), false);
      labeled(s, "Thời điểm nộp:", receipt.paidAt() == null ? FormText.BLANK : FormText.longTime(receipt.paidAt()),
          false);
      s.signatures(List.of(new Signature("NGƯỜI THU TIỀN", SIGN_HINT, receipt.collector())));
    });
  }

  /** Form 04, the apology with a new appointment, issued before the dossier goes past its due date. */
  public byte[] apologyNotice(ApologyNotice notice) {
    return render(false, s -> {
      String agency = orBlank(notice.header().agencyName());
      nationalHeader(s, notice.header(), notice.date());
      title(s, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
      dossierBarcode(s, notice.dossierCode());
      addressee(s, notice.applicant());
      s.paragraph(new Run("Ngày " + (notice.receivedAt() == null ? FormText.BLANK
          : shortDate(notice.receivedAt().toLocalDate())) + ", " + agency
          + " tiếp nhận hồ sơ đề nghị giải quyết thủ tục: ", false), new Run(orBlank(notice.procedureName()), true));
      labeled(s, "Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả:",
          appointment(notice.originalDueAt()), false);
      s.paragraph(new Run("Tuy nhiên đến nay, " + agency + " chưa trả kết quả giải quyết hồ sơ của Ông/Bà. Lý do: ",
          false), new Run(orBlank(notice.delayReason()), false));
      s.paragraph(new Run("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. " + agency
          + " xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào: ", false),
          new Run(appointment(notice.newDueAt()) + ".", true));
      s.paragraph(new Run("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.", false));
      String signer = notice.signerTitle() == null ? "THỦ TRƯỞNG CƠ QUAN" : notice.signerTitle();
      s.signatures(List.of(new Signature(signer, "(Ký, ghi rõ họ tên và đóng dấu)", notice.signerName())));
    });
  }

  /** The processing-control slip: every hand-over, its time, the step deadline and whether it was kept. */
  public byte[] controlSlip(ControlSlip slip) {
    return render(false, s -> {
      nationalHeader(s, slip.header(), slip.receivedAt() == null ? null : slip.receivedAt().toLocalDate());
      title(s, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
      dossierBarcode(s, slip.dossierCode());
      labeled(s, "Người nộp hồ sơ:", slip.applicant() == null ? null : slip.applicant().name(), true);
      labeled(s, "Nội dung yêu cầu giải quyết:", slip.procedureName(), true);
      labeled(s, "Thời gian nhận hồ sơ:", longTime(slip.receivedAt()), false);
      labeled(s, "Thời gian hẹn trả kết quả:", appointment(slip.dueAt()), false);
      s.space(4);
      List<List<String>> rows = new ArrayList<>();
      for (ControlSlip.Step step : slip.steps()) {
        rows.add(List.of(String.valueOf(rows.size() + 1), orBlank(step.name()),
            "Giao: " + party(step.from()) + (step.to() == null ? "" : "\nNhận: " + party(step.to())),
            shortDateTime(step.at()), shortDateTime(step.deadline()), FormText.orEmpty(step.result()),
            judgement(step.judgedOnTime())));
      }
      s.table(List.of(
              new Column("TT", 2.5f, Align.CENTER),
              new Column("Bước xử lý", 9, Align.LEFT),
              new Column("Giao, nhận hồ sơ", 25, Align.LEFT),
              new Column("Thời điểm", 8, Align.CENTER),
              new Column("Hạn của bước", 8, Align.CENTER),
              new Column("Kết quả, ghi chú", 11, Align.LEFT),
              new Column("Đánh giá", 8, Align.CENTER)),
          rows, SMALL);
    });
  }

  /**
   * A declaration (tờ khai) filled in as an e-form, in the official form's layout, with the dossier code as Code 128:
   * what stands as the declaration component of an online dossier.
   */
  public byte[] declaration(Declaration d) {
    return render(false, s -> {
      if (d.officialForm() != null && !d.officialForm().isBlank()) {
        float w = s.width() * 0.5f;
        s.space(s.y() - s.centeredAt(d.officialForm(), false, SMALL, s.left() + s.width() - w, w, s.y()) + 4);
      }
      s.centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, Sheet.BODY);
      String motto = "Độc lập - Tự do - Hạnh phúc";
      s.centered(motto, true, Sheet.BODY + 0.5f);
      float ruleWidth = s.textWidth(motto, true, Sheet.BODY + 0.5f);
      s.rule(s.left() + (s.width() - ruleWidth) / 2, ruleWidth, s.y() + 2);
      title(s, d.title());
      if (d.dossierCode() != null && !d.dossierCode().isBlank()) {
        dossierBarcode(s, d.dossierCode());
      } else {
        s.space(8);
      }
      labeled(s, "Kính gửi:", d.addressee(), true);
      for (Declaration.Section section : d.sections()) {
        s.space(2);
        s.paragraph(new Run(section.title(), true));
        for (Declaration.Line line : section.lines()) {
          labeled(s, line.label() + ":", line.value() == null || line.value().isBlank() ? null : line.value(), false);
        }
      }
      s.space(4);
      s.paragraph(new Run(orBlank(d.pledge()), false));
      float half = s.width() / 2;
      s.ensure(Sheet.lineHeight(Sheet.BODY) + Sheet.SIGNATURES_HEIGHT);
      s.space(s.y() - s.centeredAt("Làm tại: " + FormText.placeAndDate(d.place(), d.date()), false,
          Sheet.BODY - 0.5f, s.left() + half, half, s.y()));
      s.signatures(List.of(new Signature(orBlank(d.signerTitle()), "(Ký, ghi rõ họ, chữ đệm, tên)", d.signerName())));
    });
  }

  /** The dossier register for a period, landscape, as many pages as the rows need. */
  public byte[] register(Register register) {
    return render(true, s -> {
      nationalHeader(s, register.header(), register.to());
      title(s, "SỔ THEO DÕI HỒ SƠ");
      s.centered("Cơ quan: " + orBlank(register.agencyName()) + " — Từ ngày "
          + (register.from() == null ? FormText.BLANK : shortDate(register.from())) + " đến ngày "
          + (register.to() == null ? FormText.BLANK : shortDate(register.to())), false, Sheet.BODY);
      s.space(6);
      List<List<String>> rows = new ArrayList<>();
      for (Register.Row row : register.rows()) {
        rows.add(List.of(String.valueOf(row.number()), FormText.orEmpty(row.dossierCode()),
            FormText.orEmpty(row.procedureName()), FormText.orEmpty(row.applicantName()),
            shortDateTime(row.receivedAt()), shortDateTime(row.dueAt()), shortDateTime(row.finishedAt()),
            shortDateTime(row.returnedAt()), FormText.orEmpty(row.status()), FormText.orEmpty(row.note())));
      }
      s.table(List.of(
              new Column("TT", 3, Align.CENTER),
              new Column("Mã hồ sơ", 15, Align.LEFT),
              new Column("Thủ tục hành chính", 22, Align.LEFT),
              new Column("Người nộp", 18, Align.LEFT),
              new Column("Tiếp nhận", 7, Align.CENTER),
              new Column("Hẹn trả", 7, Align.CENTER),
              new Column("Xử lý xong", 7, Align.CENTER),
              new Column("Trả kết quả", 7, Align.CENTER),
              new Column("Trạng thái", 9, Align.CENTER),
              new Column("Ghi chú", 9, Align.LEFT)),
          rows, SMALL);
      s.space(6);
      s.paragraph(new Run("Tổng số: " + register.rows().size() + " hồ sơ.", false));
    });
  }

  // ---- shared pieces ---------------------------------------------------------------------------------------------

  /** The national two-column header: agency on the left; state name, motto, place and date on the right. */
  private static void nationalHeader(Sheet s, FormHeader header, LocalDate date) throws IOException {
    float size = Sheet.BODY;
    float leftWidth = s.width() * 0.42f;
    float rightWidth = s.width() - leftWidth;
    float rightX = s.left() + leftWidth;
    float top = s.y();

    float cursor = top;
    if (header.parentAgencyName() != null && !header.parentAgencyName().isBlank()) {
      cursor = s.centeredAt(header.parentAgencyName(), false, size, s.left(), leftWidth, cursor);
    }
    cursor = s.centeredAt(orBlank(header.agencyName()), true, size, s.left(), leftWidth, cursor);
    float leftBottom = underline(s, s.left(), leftWidth, leftWidth / 3, cursor);

    cursor = s.centeredAt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, size, rightX, rightWidth, top);
    String motto = "Độc lập - Tự do - Hạnh phúc";
    cursor = s.centeredAt(motto, true, size + 0.5f, rightX, rightWidth, cursor);
    cursor = underline(s, rightX, rightWidth, s.textWidth(motto, true, size + 0.5f), cursor);
    cursor = s.centeredAt(FormText.placeAndDate(header.place(), date), false, size - 0.5f, rightX, rightWidth,
        cursor - 2);

    s.space(s.y() - Math.min(leftBottom, cursor));
  }

  /** A short rule centered in a column just under a line of text; returns the y under it. */
  private static float underline(Sheet s, float x, float columnWidth, float ruleWidth, float underY)
      throws IOException {
    float ruleY = underY + 2;
    s.rule(x + (columnWidth - ruleWidth) / 2, ruleWidth, ruleY);
    return ruleY - 6;
  }

  private static void title(Sheet s, String title) throws IOException {
    s.describe(title, null);
    s.space(16);
    s.centered(title, true, TITLE);
  }

  /** The dossier code as Code 128 with its human-readable text under the bars (QR when the code is not ASCII). */
  private static void dossierBarcode(Sheet s, String code) throws IOException {
    s.describe(null, "Mã hồ sơ: " + code);
    BitMatrix bars;
    try {
      bars = Sheet.code128(code);
    } catch (IllegalArgumentException notCode128) {
      bars = Sheet.qr(code);
    }
    boolean linear = bars.getHeight() == 1;
    float module = linear ? Math.min(0.9f, s.width() / (bars.getWidth() + 20)) : 56f / bars.getWidth();
    float height = linear ? 30 : 56;
    s.ensure(4 + height + 2 + Sheet.lineHeight(9) + 8);
    s.space(4);
    s.matrix(bars, s.left() + (s.width() - bars.getWidth() * module) / 2, s.y(), module, height);
    s.space(height + 2);
    s.centered("Mã hồ sơ: " + code, false, 9);
    s.space(8);
  }

  /** A QR code for tracking and the satisfaction rating, with its caption to the right. */
  private static void trackingQr(Sheet s, String url) throws IOException {
    if (url == null || url.isBlank()) {
      return;
    }
    BitMatrix qr = Sheet.qr(url);
    float side = QR_BLOCK - 10;
    s.ensure(QR_BLOCK);
    s.space(10);
    float top = s.y();
    s.matrix(qr, s.left(), top, side / qr.getWidth(), side);
    s.paragraph(SMALL, side + 14, new Run("Quét mã QR để tra cứu tình trạng hồ sơ và đánh giá mức độ hài lòng:", false));
    s.paragraph(SMALL, side + 14, new Run(url, false));
    s.space(s.y() - Math.min(s.y(), top - side));
  }

  private static void applicant(Sheet s, ApplicantInfo a) throws IOException {
    ApplicantInfo who = a == null ? new ApplicantInfo(null, null, null, null, null) : a;
    labeled(s, "Ông/Bà:", who.name(), true);
    labeled(s, "Số CCCD/Mã số thuế:", who.idNumber(), false);
    labeled(s, "Địa chỉ:", who.address(), false);
    s.paragraph(new Run("Số điện thoại: " + orBlank(who.phone()) + "; Email: " + orBlank(who.email()), false));
  }

  /** "Kính gửi: Ông/Bà …" followed by the applicant's particulars. */
  private static void addressee(Sheet s, ApplicantInfo a) throws IOException {
    ApplicantInfo who = a == null ? new ApplicantInfo(null, null, null, null, null) : a;
    labeled(s, "Kính gửi: Ông/Bà", who.name(), true);
    labeled(s, "Số CCCD/Mã số thuế:", who.idNumber(), false);
    labeled(s, "Địa chỉ:", who.address(), false);
  }

  private static void labeled(Sheet s, String label, String value, boolean boldValue) throws IOException {
    s.paragraph(new Run(label + " ", false), new Run(orBlank(value), boldValue));
  }

  private static void componentsTable(Sheet s, List<ReceiptSlip.Component> components) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (ReceiptSlip.Component c : components) {
      rows.add(List.of(String.valueOf(rows.size() + 1), orBlank(c.name()), orBlank(c.form()),
          String.valueOf(c.copies()), c.digitized() ? "Có" : "Không"));
    }
    s.space(2);
    s.table(List.of(
            new Column("TT", 3, Align.CENTER),
            new Column("Tên giấy tờ", 23, Align.LEFT),
            new Column("Hình thức", 12, Align.CENTER),
            new Column("Số lượng", 6, Align.CENTER),
            new Column("Đã số hóa", 6, Align.CENTER)),
        rows, 9);
    s.space(4);
  }

  private static String party(ControlSlip.Party p) {
    if (p == null) {
      return "";
    }
    List<String> place = new ArrayList<>();
    if (p.role() != null && !p.role().isBlank()) {
      place.add(p.role());
    }
    if (p.department() != null && !p.department().isBlank()) {
      place.add(p.department());
    }
    return orBlank(p.name()) + (place.isEmpty() ? "" : " (" + String.join(", ", place) + ")");
  }

  private static String judgement(Boolean onTime) {
    return onTime == null ? "" : onTime ? "Đúng hạn" : "Quá hạn";
  }

  // ---- plumbing --------------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Layout {
    void draw(Sheet sheet) throws IOException;
  }

  private byte[] render(boolean landscape, Layout layout) {
    try (Sheet sheet = new Sheet(regularFont, boldFont, landscape)) {
      layout.draw(sheet);
      return sheet.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the form", e);
    }
  }

  private static byte[] resource(String path) {
    try (InputStream in = FormPdfs.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing font on the classpath: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
