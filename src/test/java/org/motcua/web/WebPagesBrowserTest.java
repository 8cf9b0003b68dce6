package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.reporting.ReportService;
import org.motcua.reporting.Summary;
import org.motcua.security.MotcuaUser;
import org.motcua.security.UserAccounts;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.motcua.web.pages.CatalogPage;
import org.motcua.web.pages.DashboardPage;
import org.motcua.web.pages.DossierPage;
import org.motcua.web.pages.InboxPage;
import org.motcua.web.pages.LoginPage;
import org.motcua.web.pages.SubmitPage;
import org.motcua.web.pages.TrackPage;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages in a real browser (headless chromium), as the people who use them: a citizen submits online, the clerk,
 * the specialist and the leader of the Department of Justice carry the dossier to its returned result, the citizen
 * sees it returned and a supervisor sees it counted. Runs on the real clock (today), never in 2025, whose summaries
 * another test asserts exactly. Every page is saved under target/screenshots/.
 */
@MotcuaTest
class WebPagesBrowserTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H30"; // Sở Tư pháp, 10 working days, FULL
  private static final String BIRTH_REGISTRATION = "1.001193.000.00.21.H30"; // phường Vị Thanh, FULL

  @LocalServerPort
  int port;
  @Autowired
  TestClock clock;
  @Autowired
  ReportService reports;
  @Autowired
  UserAccounts accounts;
  @Autowired
  Api api;

  @BeforeEach
  void realTime() {
    clock.reset();
  }

  @Test
  void citizenSubmitsOnlineOfficersCarryItToTheResultSupervisorSeesItCounted() {
    LocalDate today = LocalDate.now(clock);
    MotcuaUser supervisor = accounts.find("supervisor.tinh").orElseThrow();
    Summary before = reports.summary(supervisor, today.withDayOfYear(1), today, null);

    try (Browser browser = Browser.desktop(port)) {
      // The public catalogue finds the procedure without diacritics and shows its duration, fee and components.
      CatalogPage catalog = CatalogPage.open(browser);
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Tra cứu thủ tục hành chính");
      browser.screenshot("01-catalogue");
      catalog.search("ly lich tu phap");
      assertThat(catalog.names()).containsExactly(
          "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam");
      catalog.openProcedure(CRIMINAL_RECORD);
      assertThat(catalog.facts()).contains("10 ngày làm việc", "200.000 đồng", "Toàn trình");
      assertThat(catalog.components()).contains("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp");
      browser.screenshot("02-procedure");

      // Submitting needs an account: the login page, then straight back to the form, filled from the account.
      SubmitPage form = catalog.submitOnline();
      assertThat(browser.path()).startsWith("/login");
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Đăng nhập");
      new LoginPage(browser).fill("citizen", "demo");
      assertThat(browser.path()).startsWith("/citizen/submit/" + CRIMINAL_RECORD);
      assertThat(form.value("name")).isEqualTo("Nguyễn Văn An");
      assertThat(form.value("idNumber")).isEqualTo("093085000123");

      // Every mistake is written next to its field, in Vietnamese.
      form.set("idNumber", "12345").set("phone", "912345678").set("email", "an.nguyen").set("address", "").send();
      assertThat(form.showsErrors()).isTrue();
      assertThat(form.errorOf("idNumber")).isEqualTo("Số CCCD gồm 12 chữ số, mã số thuế gồm 10 chữ số");
      assertThat(form.errorOf("phone")).isEqualTo("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0");
      assertThat(form.errorOf("email")).isEqualTo("Địa chỉ thư điện tử chưa đúng, ví dụ: ten@example.vn");
      assertThat(form.errorOf("address")).isEqualTo("Vui lòng nhập thông tin này");
      assertThat(form.errorOf("name")).isNull();
      browser.screenshot("03-submit-errors");
      // A CCCD of twelve digits whose province code does not exist: the service refuses, next to the field too.
      form.set("idNumber", "999085000123").set("phone", "0912345678").set("email", "an.nguyen@example.vn")
          .set("address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh, tỉnh Hậu Giang").send();
      assertThat(form.errorOf("idNumber")).contains("999085000123", "không hợp lệ");
      form.set("idNumber", "093085000123").send();

      DossierPage mine = new DossierPage(browser);
      String code = mine.code();
      assertThat(code).matches("000\\.00\\.12\\.H30-\\d{6}-\\d{4}");
      assertThat(mine.notice()).startsWith("Đã nộp hồ sơ.");
      assertThat(mine.status()).isEqualTo("Mới đăng ký");
      assertThat(mine.appointment()).isEqualTo("Có sau khi hồ sơ được tiếp nhận");
      assertThat(mine.history()).singleElement().asString().contains("Nộp hồ sơ", "Nguyễn Văn An");
      browser.screenshot("04-dossier-submitted");
      // The pages have no upload, payment or e-result forms yet: those steps go through the API.
      Dossiers api = new Dossiers(this.api);
      api.uploadComponents("citizen", code, CRIMINAL_RECORD);

      // The clerk of the Department of Justice finds it in the inbox, not overdue, and receives it.
      assertThat(LoginPage.open(browser).signIn("clerk.stp")).isEqualTo("/officer/inbox");
      InboxPage inbox = new InboxPage(browser);
      assertThat(inbox.lineOf(code)).contains("Tiếp nhận hồ sơ", "Nguyễn Văn An");
      assertThat(inbox.urgencyOf(code)).isIn("TODAY", "SOON", "NORMAL");
      browser.screenshot("05-inbox");
      DossierPage reception = inbox.open(code);
      assertThat(reception.decisions()).containsExactly("Tiếp nhận", "Yêu cầu bổ sung", "Từ chối");
      browser.screenshot("06-officer-dossier");
      reception.decide("accept", null);
      assertThat(inbox.notice()).isEqualTo("Đã tiếp nhận hồ sơ " + code + ".");
      assertThat(inbox.lists(code)).isFalse();

      // Appraisal, approval, result return: each officer sees only the decisions of their step.
      decide(browser, "specialist.stp", code, "forward", "Trình lãnh đạo",
          "Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1", "Đã trình lãnh đạo hồ sơ ");
      decide(browser, "leader.stp", code, "approve", "Phê duyệt", null, "Đã phê duyệt hồ sơ ");
      api.payAtCounter("clerk.stp", code);
      api.uploadResult("leader.stp", code);
      decide(browser, "clerk.stp", code, "return", "Trả kết quả", null, "Đã trả kết quả hồ sơ ");

      // The citizen sees the result returned, the appointment date and every step on the slip.
      assertThat(LoginPage.open(browser).signIn("citizen")).isEqualTo("/citizen/dossiers");
      assertThat(browser.text(By.cssSelector("#my-dossiers tr[data-code='" + code + "']"))).contains("Đã trả kết quả");
      browser.screenshot("07-my-dossiers");
      browser.clickAndWait(By.linkText(code));
      DossierPage returned = new DossierPage(browser);
      assertThat(returned.status()).isEqualTo("Đã trả kết quả");
      assertThat(returned.appointment()).matches("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
      assertThat(String.join("\n", returned.history()))
          .contains("Tiếp nhận hồ sơ: Tiếp nhận", "Thẩm định hồ sơ: Trình lãnh đạo",
              "Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1", "Phê duyệt kết quả: Phê duyệt", "Trả kết quả: Trả kết quả",
              "Trương Minh Quân", "(Chuyên viên)", "Sở Tư pháp tỉnh Hậu Giang");
      browser.screenshot("08-dossier-returned");

      // Anyone holding the receipt tracks it without signing in: the code and the phone's last four digits.
      TrackPage track = TrackPage.open(browser).track(code, "12");
      assertThat(track.errorOf("phone")).isEqualTo("Vui lòng nhập đúng 4 chữ số");
      assertThat(track.track(code, "0000").notFound()).isTrue();
      assertThat(track.status()).isNull();
      assertThat(track.track(code, "5678").status()).isEqualTo("Đã trả kết quả");
      assertThat(browser.text(By.id("history"))).contains("Thẩm định hồ sơ: Trình lãnh đạo")
          .doesNotContain("Trương Minh Quân", "Đủ điều kiện");
      browser.screenshot("09a-public-tracking");

      // The province's supervisor sees one more dossier received and finished this year.
      assertThat(LoginPage.open(browser).signIn("supervisor.tinh")).isEqualTo("/supervisor/dashboard");
      DashboardPage dashboard = new DashboardPage(browser);
      assertThat(dashboard.count("received")).isEqualTo(before.received() + 1);
      assertThat(dashboard.count("receivedOnline")).isEqualTo(before.receivedOnline() + 1);
      assertThat(dashboard.count("finished")).isEqualTo(before.finished() + 1);
      assertThat(dashboard.unitsTable()).contains("Sở Tư pháp tỉnh Hậu Giang");
      browser.waiting().until(d -> dashboard.chartDrawn());
      browser.screenshot("09-dashboard");
      // Drill-down: the dossiers behind the numbers, each with its processing-control slip.
      browser.clickAndWait(By.id("dossier-list"));
      assertThat(browser.text(By.cssSelector("#dossiers tr[data-code='" + code + "']")))
          .contains("Nguyễn Văn An", "Đã trả kết quả");
      browser.clickAndWait(By.linkText(code));
      assertThat(new DossierPage(browser).status()).isEqualTo("Đã trả kết quả");
      browser.screenshot("09b-supervisor-dossier");

      // The administrator reaches the Camunda web apps from their page.
      assertThat(LoginPage.open(browser).signIn("admin")).isEqualTo("/admin");
      assertThat(browser.find(By.id("cockpit")).getAttribute("href")).endsWith("/camunda/app/cockpit/");
      browser.screenshot("10-admin");
    }
  }

  private static void decide(Browser browser, String officer, String code, String decision, String label,
      String note, String notice) {
    LoginPage.open(browser).signIn(officer);
    InboxPage inbox = new InboxPage(browser);
    DossierPage page = inbox.open(code);
    assertThat(page.decisions()).contains(label);
    page.decide(decision, note);
    assertThat(inbox.notice()).isEqualTo(notice + code + ".");
  }

  @Test
  void clerkAsksForASupplementAndTheCitizenAnswersIt() {
    String code = new Dossiers(api).submit("citizen", BIRTH_REGISTRATION);
    try (Browser browser = Browser.desktop(port)) {
      LoginPage.open(browser).signIn("clerk.vithanh");
      DossierPage reception = new InboxPage(browser).open(code);
      // Nothing was uploaded: accepting is refused with the service's reason, said on the page itself.
      reception.decide("accept", null);
      assertThat(reception.errorOf("form")).startsWith("Hồ sơ còn thiếu thành phần");
      browser.go("/officer/dossiers/" + code);
      reception = new DossierPage(browser);
      // Asking for a supplement needs the written guide (form 02): the error is next to the note.
      reception.decide(null, "Thiếu bản chính Giấy chứng sinh");
      assertThat(reception.errorOf("decision")).isEqualTo("Vui lòng chọn một quyết định.");
      reception.decide("supplement", null);
      assertThat(reception.errorOf("note")).isEqualTo(
          "Vui lòng ghi ý kiến xử lý khi chọn \"Yêu cầu bổ sung\": người nộp hoặc chuyên viên cần biết lý do, nội dung.");
      browser.screenshot("11-officer-note-required");
      reception.decide("supplement", "Thiếu bản chính Giấy chứng sinh");
      assertThat(new InboxPage(browser).notice()).isEqualTo("Đã gửi yêu cầu bổ sung hồ sơ " + code + ".");

      LoginPage.open(browser).signIn("citizen");
      browser.go("/citizen/dossiers/" + code);
      DossierPage mine = new DossierPage(browser);
      assertThat(mine.status()).isEqualTo("Yêu cầu bổ sung giấy tờ");
      assertThat(mine.supplementGuide()).isEqualTo("Thiếu bản chính Giấy chứng sinh");
      mine.answerSupplement("");
      assertThat(mine.errorOf("note")).isEqualTo("Vui lòng nhập thông tin này");
      browser.screenshot("12-supplement-requested");
      mine.answerSupplement("Đã tải lên bản chụp Giấy chứng sinh");
      assertThat(mine.notice()).startsWith("Đã gửi hồ sơ bổ sung.");
      assertThat(mine.status()).isEqualTo("Mới đăng ký");
      assertThat(String.join("\n", mine.history())).contains("Công dân nộp bổ sung", "Đã tải lên bản chụp Giấy chứng sinh");

      LoginPage.open(browser).signIn("clerk.vithanh");
      assertThat(new InboxPage(browser).lineOf(code)).contains("Tiếp nhận hồ sơ");
    }
  }

  @Test
  void pagesFitAPhoneScreen() {
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    try (Browser phone = Browser.phone(port)) {
      phone.go("/procedures");
      check(phone, "m01-catalogue");
      phone.go("/procedures/" + CRIMINAL_RECORD);
      check(phone, "m02-procedure");
      TrackPage.open(phone).track(code, "5678");
      check(phone, "m02a-tracking");
      LoginPage.open(phone);
      check(phone, "m03-login");
      LoginPage.open(phone).signIn("citizen");
      check(phone, "m04-my-dossiers");
      phone.go("/citizen/submit/" + CRIMINAL_RECORD);
      new SubmitPage(phone).set("phone", "123").send();
      check(phone, "m05-submit-errors");
      phone.go("/citizen/dossiers/" + code);
      check(phone, "m06-dossier");
      LoginPage.open(phone).signIn("clerk.stp");
      check(phone, "m07-inbox");
      phone.go("/officer/dossiers/" + code);
      check(phone, "m08-officer-dossier");
      LoginPage.open(phone).signIn("supervisor.tinh");
      phone.waiting().until(d -> new DashboardPage(phone).chartDrawn());
      check(phone, "m09-dashboard");
      phone.go("/supervisor/dossiers");
      check(phone, "m10-supervisor-dossiers");
    }
  }

  private static void check(Browser phone, String name) {
    phone.screenshot(name);
    phone.assertNoHorizontalScroll();
  }

  @Test
  void englishOnRequestAndVietnameseAgainAfter() {
    try (Browser browser = Browser.desktop(port)) {
      browser.go("/procedures?lang=en");
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Find an administrative procedure");
      // The choice is remembered on the next pages.
      browser.go("/login");
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in");
      new LoginPage(browser).fill("citizen", "wrong");
      assertThat(browser.text(By.id("login-error"))).isEqualTo("Wrong user name or password.");
      browser.screenshot("13-login-english");
      browser.clickAndWait(By.id("lang-switch"));
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Đăng nhập");
    }
  }
}
