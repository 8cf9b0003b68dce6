package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.motcua.web.pages.DossierPage;
import org.motcua.web.pages.LoginPage;
import org.motcua.web.pages.SubmitPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18 in a real browser (headless chromium): a citizen fills in the birth registration's declaration as a web
 * form with two mistakes (both shown next to their fields, nothing stored), saves a draft, resumes it from the list of
 * their dossiers, corrects it and sees the late-registration case and its fee the birth date selects before submitting,
 * then submits; the ward's clerk reads the data on the dossier page next to the declaration PDF, whose text carries
 * the data, and corrects a field. The form at 360 px is saved as target/screenshots/eform-birth-registration-360.png
 * (copied to docs/screenshots/ for the README).
 */
@MotcuaTest
class EformBrowserTest {

  private static final String BIRTH_REGISTRATION = "1.001193.000.00.21.H13";
  private static final String VI_THANH = "000.01.21.H13";
  private static final Path GIAY_CHUNG_SINH = Browser.file("giay-chung-sinh.pdf", Api.pdf("Giấy chứng sinh số 125"));
  private static final Path CCCD = Browser.file("cccd-an.pdf", Api.pdf("Căn cước 093085000123"));

  @LocalServerPort
  int port;
  @Autowired
  TestClock clock;
  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void realTime() {
    clock.reset();
  }

  @Test
  void citizenFillsInTheDeclarationSavesADraftResumesAndSubmitsTheClerkReadsIt() throws Exception {
    LocalDate today = LocalDate.now(clock);
    LocalDate birth = today.minusDays(75); // more than 60 days ago: the late registration, 8.000 đồng
    try (Browser browser = Browser.desktop(port)) {
      signIn(browser, "citizen");
      assertThat(browser.path()).isEqualTo("/citizen/dossiers");
      browser.go("/citizen/submit/" + BIRTH_REGISTRATION);
      SubmitPage form = new SubmitPage(browser);
      // Pre-filled from the account; the declaration is a form of its own, its upload optional.
      assertThat(browser.text(By.cssSelector("#eform h2"))).isEqualTo("TỜ KHAI ĐĂNG KÝ KHAI SINH");
      assertThat(form.value("f-requester-fullName")).isEqualTo("Nguyễn Văn An");
      assertThat(form.value("f-requester-idNumber")).isEqualTo("093085000123");
      assertThat(form.value("f-requester-phone")).isEqualTo("0912345678");
      assertThat(browser.has(By.name("caseCode"))).isFalse();

      // Filled in with two mistakes: no birth date, and an identity number of five digits.
      form.set("phone", "0912345678").set("address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh, tỉnh Hậu Giang")
          .choose("agencyCode", VI_THANH);
      form.set("f-requester-idNumber", "09308").set("f-requester-residence", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh")
          .set("f-requester-relationship", "Cha")
          .set("f-child-fullName", "Nguyễn Minh Khang").choose("f-child-sex", "NAM")
          .set("f-child-ethnicity", "Kinh").set("f-child-nationality", "Việt Nam")
          .set("f-child-birthPlace", "Bệnh viện Đa khoa tỉnh Hậu Giang")
          .set("f-mother-fullName", "Trần Thị Mai").set("f-mother-birthYear", "1990")
          .set("f-mother-ethnicity", "Kinh").set("f-mother-nationality", "Việt Nam")
          .set("f-mother-residence", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh")
          .attach("GIAY_CHUNG_SINH", GIAY_CHUNG_SINH).attach("GIAY_TO_TUY_THAN", CCCD);
      long dossiers = count("select count(*) from dossier where owner_username = 'citizen'");
      long drafts = count("select count(*) from form_draft where owner_username = 'citizen'");
      form.send();
      assertThat(form.showsErrors()).isTrue();
      assertThat(form.errorOf("f-child-birthDate")).isEqualTo("«Ngày, tháng, năm sinh»: chưa khai, đây là thông tin bắt buộc.");
      assertThat(form.errorOf("f-requester-idNumber")).isEqualTo("«Số định danh cá nhân»: không đúng mẫu quy định.");
      assertThat(form.errorOf("f-child-fullName")).isNull();
      assertThat(form.errorOf("file_TO_KHAI")).isNull();
      assertThat(form.value("f-child-fullName")).isEqualTo("Nguyễn Minh Khang");
      assertThat(count("select count(*) from dossier where owner_username = 'citizen'")).isEqualTo(dossiers);
      assertThat(count("select count(*) from form_draft where owner_username = 'citizen'")).isEqualTo(drafts);
      browser.screenshot("eform-01-errors");

      // Saved as a draft: listed with the dossiers (not one of them), resumed with "Tiếp tục".
      browser.clickAndWait(By.id("save-draft"));
      assertThat(browser.path()).isEqualTo("/citizen/dossiers");
      assertThat(browser.text(By.id("notice"))).startsWith("Đã lưu bản nháp, giữ đến ngày "
          + today.plusDays(30).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
      assertThat(count("select count(*) from form_draft where owner_username = 'citizen'")).isEqualTo(drafts + 1);
      assertThat(count("select count(*) from dossier where owner_username = 'citizen'")).isEqualTo(dossiers);
      WebElement draft = browser.find(By.cssSelector("#my-drafts li:first-child"));
      assertThat(draft.getText()).contains("Đăng ký khai sinh", "Tiếp tục");
      browser.screenshot("eform-02-drafts");
      browser.clickAndWait(By.cssSelector("#my-drafts li:first-child a[id^=resume-]"));
      assertThat(browser.path()).startsWith("/citizen/submit/" + BIRTH_REGISTRATION + "?draft=");
      assertThat(browser.has(By.id("resumed"))).isTrue();
      assertThat(form.value("f-child-fullName")).isEqualTo("Nguyễn Minh Khang");
      assertThat(form.value("f-requester-idNumber")).isEqualTo("09308");
      assertThat(form.value("address")).isEqualTo("Số 12 đường Trần Hưng Đạo, phường Vị Thanh, tỉnh Hậu Giang");

      // Corrected. The birth date 75 days ago selects the late case and its fee, shown before submitting: as the
      // date changes (htmx) and with "Kiểm tra" (the whole page, as without JavaScript).
      form.set("f-requester-idNumber", "093085000123");
      setDate(browser, "f-child-birthDate", birth);
      browser.waiting().until(d -> browser.has(By.id("case-selected")));
      assertThat(browser.text(By.id("case-selected"))).isEqualTo("Đăng ký khai sinh quá hạn (sau 60 ngày kể từ ngày sinh)");
      assertThat(browser.text(By.id("case-fee"))).isEqualTo("Lệ phí: 8.000 đồng");
      browser.clickAndWait(By.id("check"));
      assertThat(browser.has(By.id("check-ok"))).isTrue();
      assertThat(browser.text(By.id("case-selected"))).contains("quá hạn");
      assertThat(browser.text(By.id("case-fee"))).isEqualTo("Lệ phí: 8.000 đồng");
      assertThat(count("select count(*) from dossier where owner_username = 'citizen'")).isEqualTo(dossiers);
      browser.screenshot("eform-03-checked");

      form.attach("GIAY_CHUNG_SINH", GIAY_CHUNG_SINH).attach("GIAY_TO_TUY_THAN", CCCD).send();
      DossierPage submitted = new DossierPage(browser);
      String code = submitted.code();
      assertThat(submitted.notice()).startsWith("Đã nộp hồ sơ.");
      assertThat(submitted.documents()).anySatisfy(f -> assertThat(f).contains("to-khai-" + code + ".pdf",
          "tạo từ tờ khai điện tử"));
      assertThat(jdbc.queryForObject("select case_code from dossier where code = ?", String.class, code))
          .isEqualTo("QUA_HAN");
      // The draft became the dossier: it is gone.
      assertThat(count("select count(*) from form_draft where owner_username = 'citizen'")).isEqualTo(drafts);
      browser.screenshot("eform-04-submitted");

      // The ward's clerk reads the data as a read-only form next to the declaration PDF.
      signIn(browser, "clerk.vithanh");
      browser.go("/officer/dossiers/" + code);
      String data = browser.text(By.id("eform-data"));
      assertThat(data).contains("TỜ KHAI ĐĂNG KÝ KHAI SINH", "Người được khai sinh", "Nguyễn Minh Khang",
          birth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), "Nam", "Trần Thị Mai", "1990");
      assertThat(browser.text(By.cssSelector("#eform-data [data-field='child.fullName'] dd")))
          .isEqualTo("Nguyễn Minh Khang");
      assertThat(browser.download(By.id("declaration-pdf"))).startsWith(200L, "application/pdf");
      browser.screenshot("eform-05-officer");
      String pdfId = browser.find(By.id("declaration-pdf")).getAttribute("href").replaceAll(".*/documents/(\\d+)/.*", "$1");
      assertThat(pdfText("clerk.vithanh", pdfId)).contains("TỜ KHAI ĐĂNG KÝ KHAI SINH", code, "Nguyễn Minh Khang",
          birth.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), "Trần Thị Mai", "Bệnh viện Đa khoa tỉnh Hậu Giang");

      // An obvious error corrected at reception: recorded in the history with before and after.
      new org.openqa.selenium.support.ui.Select(browser.find(By.id("correction-field"))).selectByValue("child.fullName");
      browser.find(By.id("correction-value")).sendKeys("Nguyễn Minh Khôi");
      browser.find(By.id("correction-reason")).sendKeys("Giấy chứng sinh ghi Khôi");
      browser.clickAndWait(By.id("correction-send"));
      assertThat(browser.text(By.id("notice"))).startsWith("Đã sửa thông tin tờ khai");
      assertThat(browser.text(By.cssSelector("#eform-data [data-field='child.fullName'] dd")))
          .isEqualTo("Nguyễn Minh Khôi");
      assertThat(String.join("\n", new DossierPage(browser).history()))
          .contains("«Nguyễn Minh Khang» → «Nguyễn Minh Khôi»");
    }
  }

  @Test
  void theBirthRegistrationFormAt360PixelsWide() throws Exception {
    try (Browser phone = Browser.phone(port)) {
      signIn(phone, "citizen");
      phone.go("/citizen/submit/" + BIRTH_REGISTRATION);
      assertThat(phone.has(By.id("eform"))).isTrue();
      phone.assertNoHorizontalScroll();
      // target/screenshots/eform-birth-registration-360.png; the one in docs/screenshots/ is a copy of it.
      assertThat(phone.screenshot("eform-birth-registration-360")).isRegularFile();
      assertThat(phone.cspViolations()).isEmpty();
    }
  }

  /**
   * Signs in and waits until the landing page is shown: on two shared cores the first password check after start-up
   * can outlast the click's own wait, the browser still showing the sign-in page's address.
   */
  private static void signIn(Browser browser, String username) {
    LoginPage.open(browser).signIn(username);
    browser.waiting().until(d -> !browser.path().startsWith("/login"));
  }

  /** A date input set as a date picker would (the value, then the change event htmx listens to). */
  private static void setDate(Browser browser, String id, LocalDate date) {
    ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
        + " e.dispatchEvent(new Event('change', {bubbles: true}));", id, date.toString());
  }

  private String pdfText(String user, String documentId) throws Exception {
    Api.Response pdf = api.get(user, "/api/documents/" + documentId + "/content");
    assertThat(pdf.status()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.raw())) {
      return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
          .replaceAll("\\s+", " ");
    }
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
