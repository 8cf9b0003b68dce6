package org.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Every form with realistic Vietnamese data: the text extracted by PDFBox carries the names and titles spelled
 * exactly, and the printed barcodes read back to the dossier code. Page images land in {@code target/forms/}.
 */
class FormPdfsTest {

  static final String CODE = "000.00.12.H13-250123-0007";
  static final String NAME = "Nguyễn Thị Hồng Nhung";
  static final String PROCEDURE = "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại "
      + "Việt Nam (trường hợp cá nhân trực tiếp yêu cầu cấp Phiếu lý lịch tư pháp số 1)";
  static final String TRACKING = "https://dichvucong.haugiang.gov.vn/tra-cuu-ho-so?ma=" + CODE;
  static final FormHeader HEADER = new FormHeader("SỞ TƯ PHÁP", "UBND TỈNH HẬU GIANG", "Hậu Giang");
  static final ApplicantInfo APPLICANT = new ApplicantInfo(NAME, "093190001234", "0939 123 456",
      "nhung.nguyen@example.vn", "Số 12, đường Trần Hưng Đạo, phường 5, thành phố Vị Thanh, tỉnh Hậu Giang");
  static final LocalDateTime RECEIVED = LocalDateTime.of(2025, 1, 23, 9, 0);
  static final LocalDateTime DUE = LocalDateTime.of(2025, 2, 6, 9, 0);

  final FormPdfs forms = new FormPdfs();

  static ReceiptSlip receiptSlip(ApplicantInfo applicant) {
    return new ReceiptSlip(HEADER, CODE, PROCEDURE, applicant, List.of(
        new ReceiptSlip.Component("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)", "Bản chính", 1,
            true),
        new ReceiptSlip.Component("Căn cước công dân", "Bản sao", 1, true),
        new ReceiptSlip.Component("Giấy xác nhận thông tin về cư trú", "Bản điện tử (kho dữ liệu)", 1, true)),
        "05 ngày làm việc", RECEIVED, DUE, "Trực tiếp tại Bộ phận Một cửa",
        "Bộ phận Một cửa Sở Tư pháp, số 3 đường 30/4, phường 5, thành phố Vị Thanh", "Trần Văn Bình", "01", "0007",
        TRACKING);
  }

  @Test
  void receiptSlipCarriesNameCodeAndAppointmentAndItsCodesReadBack() throws Exception {
    byte[] pdf = forms.receiptSlip(receiptSlip(APPLICANT));
    png(pdf, 0, "01-receipt-slip");
    zoom(pdf, "01-receipt-slip-zoom");

    String text = text(pdf);
    assertThat(text).contains(NAME, CODE, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH HẬU GIANG", "SỞ TƯ PHÁP",
        "Hậu Giang, ngày 23 tháng 01 năm 2025", "Giấy xác nhận thông tin về cư trú", "Trần Văn Bình", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    assertThat(flat(text)).contains(PROCEDURE, "09 giờ 00 phút, thứ Năm, ngày 06 tháng 02 năm 2025");
    assertThat(decode(pdf, 0)).containsEntry(CODE, BarcodeFormat.CODE_128).containsEntry(TRACKING,
        BarcodeFormat.QR_CODE);
    assertFontsEmbeddedAsSubsets(pdf);
  }

  @Test
  void receiptSlipWithManyComponentsContinuesOnANewPageUnderTheTableHeader() throws Exception {
    List<ReceiptSlip.Component> components = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      components.add(new ReceiptSlip.Component("Giấy tờ chứng minh số " + i, "Bản sao có chứng thực", 1, i % 2 == 0));
    }
    ReceiptSlip base = receiptSlip(APPLICANT);
    ReceiptSlip slip = new ReceiptSlip(base.header(), CODE, PROCEDURE, APPLICANT, components, "05 ngày làm việc",
        RECEIVED, DUE, base.channel(), base.resultDelivery(), base.clerkName(), "01", "0007", TRACKING);

    byte[] pdf = forms.receiptSlip(slip);

    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      pages = doc.getNumberOfPages();
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
      assertThat(doc.getDocumentInformation().getSubject()).isEqualTo("Mã hồ sơ: " + CODE);
    }
    png(pdf, 1, "01-receipt-slip-long-p2");
    assertThat(pages).isGreaterThan(1);
    assertThat(text(pdf, 2)).contains("Tên giấy tờ", "Trang 2/" + pages);
    assertThat(text(pdf, pages)).contains("Giấy tờ chứng minh số 30", "NGƯỜI TIẾP NHẬN HỒ SƠ");
    assertThat(decode(pdf, 0)).containsEntry(CODE, BarcodeFormat.CODE_128);
    assertThat(decode(pdf, pages - 1)).containsEntry(TRACKING, BarcodeFormat.QR_CODE);
  }

  @Test
  void decomposedInputPrintsComposedVietnamese() throws Exception {
    String decomposed = Normalizer.normalize(NAME, Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(NAME);
    ApplicantInfo applicant = new ApplicantInfo(decomposed, "093190001234", null, null, null);

    String text = text(forms.receiptSlip(receiptSlip(applicant)));

    assertThat(text).contains(NAME);
  }

  @Test
  void missingValuesPrintAsBlanksAndUnknownCharactersDoNotBreakTheForm() throws Exception {
    ReceiptSlip bare = new ReceiptSlip(new FormHeader("SỞ TƯ PHÁP", null, null), CODE, "Thủ tục 漢字 ✓", null, null,
        null, null, null, null, null, null, null, null, null);

    String text = text(forms.receiptSlip(bare));

    assertThat(text).contains(CODE, "Thủ tục", FormText.BLANK, "ngày …… tháng …… năm ……");
  }

  @Test
  void supplementRequestListsEachItemWithItsReason() throws Exception {
    SupplementRequest request = new SupplementRequest(HEADER, CODE, PROCEDURE, APPLICANT, List.of(
        new SupplementRequest.Item("Bản sao Giấy khai sinh", "Thông tin ngày sinh trên tờ khai không khớp với CCCD"),
        new SupplementRequest.Item("Văn bản ủy quyền có chứng thực",
            "Người nộp hồ sơ không phải là người yêu cầu cấp Phiếu")),
        "Điều 45 Luật Lý lịch tư pháp năm 2009; Nghị định 118/2025/NĐ-CP", "Lê Thị Thu Hà", LocalDate.of(2025, 1, 23));

    byte[] pdf = forms.supplementRequest(request);
    png(pdf, 0, "02-supplement-request");

    String text = text(pdf);
    assertThat(text).contains(NAME, CODE, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Bản sao Giấy khai sinh",
        "Lê Thị Thu Hà", "NGƯỜI HƯỚNG DẪN");
    assertThat(flat(text)).contains(PROCEDURE, "Thông tin ngày sinh trên tờ khai không khớp với CCCD",
        "Điều 45 Luật Lý lịch tư pháp năm 2009");
    assertThat(decode(pdf, 0)).containsEntry(CODE, BarcodeFormat.CODE_128);
  }

  @Test
  void refusalNoticeGivesTheReason() throws Exception {
    RefusalNotice notice = new RefusalNotice(HEADER, CODE, PROCEDURE, APPLICANT,
        "Yêu cầu không thuộc thẩm quyền giải quyết của Sở Tư pháp thành phố Cần Thơ; đề nghị Ông/Bà liên hệ Trung tâm "
            + "Lý lịch tư pháp quốc gia.", "Trần Văn Bình", LocalDate.of(2025, 1, 23));

    byte[] pdf = forms.refusalNotice(notice);
    png(pdf, 0, "03-refusal-notice");

    String text = text(pdf);
    assertThat(text).contains(NAME, CODE, "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", "Trần Văn Bình");
    assertThat(flat(text)).contains("Yêu cầu không thuộc thẩm quyền giải quyết của Sở Tư pháp thành phố Cần Thơ");
    assertThat(decode(pdf, 0)).containsEntry(CODE, BarcodeFormat.CODE_128);
  }

  @Test
  void apologyNoticeGivesTheNewAppointment() throws Exception {
    ApologyNotice notice = new ApologyNotice(HEADER, CODE, PROCEDURE, APPLICANT, RECEIVED, DUE,
        "Cần xác minh thông tin án tích tại Cơ quan Công an tỉnh Sóc Trăng",
        LocalDateTime.of(2025, 2, 11, 14, 30), "GIÁM ĐỐC", "Phạm Minh Tuấn", LocalDate.of(2025, 2, 5));

    byte[] pdf = forms.apologyNotice(notice);
    png(pdf, 0, "04-apology-notice");

    String text = text(pdf);
    assertThat(text).contains(NAME, CODE, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "GIÁM ĐỐC", "Phạm Minh Tuấn",
        "Hậu Giang, ngày 05 tháng 02 năm 2025");
    assertThat(flat(text)).contains("14 giờ 30 phút, thứ Ba, ngày 11 tháng 02 năm 2025",
        "09 giờ 00 phút, thứ Năm, ngày 06 tháng 02 năm 2025", "Lý do: Cần xác minh thông tin án tích",
        "vào: 14 giờ 30 phút");
    assertThat(decode(pdf, 0)).containsEntry(CODE, BarcodeFormat.CODE_128);
  }

  @Test
  void controlSlipListsEveryHandOverAndJudgesTheSteps() throws Exception {
    ControlSlip.Party clerk = new ControlSlip.Party("Trần Văn Bình", "Công chức một cửa", "Bộ phận Một cửa");
    ControlSlip.Party specialist = new ControlSlip.Party("Lê Thị Thu Hà", "Chuyên viên",
        "Phòng Hành chính tư pháp");
    ControlSlip.Party leader = new ControlSlip.Party("Phạm Minh Tuấn", "Lãnh đạo", "Ban Giám đốc");
    ControlSlip slip = new ControlSlip(HEADER, CODE, PROCEDURE, APPLICANT, RECEIVED, DUE, List.of(
        new ControlSlip.Step("Tiếp nhận hồ sơ", clerk, specialist, RECEIVED.plusMinutes(20),
            RECEIVED.plusHours(8), "Đã số hóa đủ thành phần", null),
        new ControlSlip.Step("Thẩm định", specialist, leader, LocalDateTime.of(2025, 2, 4, 10, 0),
            LocalDateTime.of(2025, 2, 3, 17, 0), "Đủ điều kiện cấp Phiếu", null),
        new ControlSlip.Step("Phê duyệt, ký", leader, clerk, LocalDateTime.of(2025, 2, 5, 15, 0),
            LocalDateTime.of(2025, 2, 5, 17, 0), "Đã ký Phiếu lý lịch tư pháp số 1", true),
        new ControlSlip.Step("Trả kết quả", clerk, null, null, DUE, null, null)));

    byte[] pdf = forms.controlSlip(slip);
    png(pdf, 0, "05-control-slip");

    String text = text(pdf);
    // table cells wrap and interleave in extracted text: check words that stay on one line
    assertThat(text).contains(NAME, CODE, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Thẩm định", "Lê Thị Thu Hà",
        "04/02/2025", "Quá hạn", "Đúng hạn");
    assertThat(decode(pdf, 0)).containsEntry(CODE, BarcodeFormat.CODE_128);
    assertThat(slip.steps().get(1).judgedOnTime()).isFalse();
    assertThat(slip.steps().get(3).judgedOnTime()).isNull();
  }

  @Test
  void registerOfManyDossiersSpansPagesWithEveryCodeOnce() throws Exception {
    List<Register.Row> rows = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= 120; i++) {
      LocalDateTime received = LocalDateTime.of(2025, 1, 2 + i % 28, 8 + i % 8, (i * 7) % 60);
      String code = "000.00.12.H13-%s-%04d".formatted(received.format(DateTimeFormatter.ofPattern("yyMMdd")), i);
      codes.add(code);
      boolean finished = i % 3 != 0;
      rows.add(new Register.Row(i, code, i % 2 == 0 ? PROCEDURE : "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
          i % 5 == 0 ? NAME : "Trần Quốc Việt " + i, received, received.plusDays(7),
          finished ? received.plusDays(5) : null, finished ? received.plusDays(6) : null,
          finished ? "Đã trả kết quả" : "Đang xử lý", i % 7 == 0 ? "Yêu cầu bổ sung một lần" : null));
    }
    Register register = new Register(HEADER, "Sở Tư pháp thành phố Cần Thơ", LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 1, 31), rows);

    byte[] pdf = forms.register(register);

    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      pages = doc.getNumberOfPages();
      PDPage first = doc.getPage(0);
      assertThat(first.getMediaBox().getWidth()).isGreaterThan(first.getMediaBox().getHeight());
    }
    png(pdf, 0, "06-register-p1");
    png(pdf, pages - 1, "06-register-last");
    assertThat(pages).isGreaterThanOrEqualTo(3);
    String text = text(pdf);
    assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/01/2025 đến ngày 31/01/2025",
        "Trang 1/" + pages, "Trang " + pages + "/" + pages, "Tổng số: 120 hồ sơ.");
    assertThat(flat(text)).contains(NAME);
    for (String code : codes) {
      assertThat(occurrences(text, code)).as(code).isEqualTo(1);
    }
    for (int page = 0; page < pages; page++) {
      assertThat(text(pdf, page + 1)).as("header on page %d", page + 1).contains("Mã hồ sơ", "Thủ tục hành chính");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  static String text(byte[] pdf) throws IOException {
    return text(pdf, 0);
  }

  /** The text of one page (1-based), or of the whole document for page 0, in NFC. */
  static String text(byte[] pdf, int page) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      if (page > 0) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
      }
      return Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFC);
    }
  }

  /** Whitespace collapsed, so that text wrapped over several lines compares with the one-line original. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }

  static int occurrences(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }

  /** Every barcode and QR code on the page, rendered at 300 dpi and read by ZXing: text to format. */
  static Map<String, BarcodeFormat> decode(byte[] pdf, int page) throws IOException {
    BufferedImage image;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      image = new PDFRenderer(doc).renderImageWithDPI(page, 300, ImageType.GRAY);
    }
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      Result[] results = new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, Map.of(
          DecodeHintType.TRY_HARDER, Boolean.TRUE,
          DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE)));
      return Arrays.stream(results).collect(Collectors.toMap(Result::getText, Result::getBarcodeFormat, (a, b) -> a));
    } catch (NotFoundException none) {
      return Map.of();
    }
  }

  static void assertFontsEmbeddedAsSubsets(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      List<String> names = new ArrayList<>();
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        names.add(font.getName());
      }
      assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(n).matches("[A-Z]{6}\\+DejaVuSans.*"));
    }
  }

  /** The upper half of the first page at 220 dpi, to look at the diacritics closely. */
  static void zoom(byte[] pdf, String name) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 220, ImageType.RGB);
      BufferedImage top = image.getSubimage(image.getWidth() / 8, image.getHeight() / 16, image.getWidth() * 3 / 4,
          image.getHeight() * 5 / 16);
      ImageIO.write(top, "png", Path.of("target", "forms", name + ".png").toFile());
    }
  }

  static void png(byte[] pdf, int page, String name) throws IOException {
    Path dir = Path.of("target", "forms");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, 110, ImageType.RGB);
      ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
    }
  }
}
