package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.process.EngineWebApps;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages in a real browser (headless chromium), as the people who use them: a citizen submits online, the clerk,
 * the specialist and the leader of the Department of Justice carry the dossier to its returned result, the citizen
 * sees it returned and a supervisor sees it counted. Runs on the real clock (today), never in 2025, whose summaries
 * another test asserts exactly. Every page is saved under target/screenshots/.
 */
@MotcuaTest
class WebPagesBrowserTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // Sở Tư pháp, 10 working days, FULL
  private static final String BIRTH_REGISTRATION = "1.001193.000.00.21.H13"; // phường Vị Thanh, FULL
  private static final String IMPORT_HEADER = "code,procedure_code,agency_code,channel,submitted_at,received_at,due_at,"
      + "finished_at,returned_at,status,supplement_count,fee_vnd,paid_online,components_digitized,result_digitized";
  private static final Path TO_KHAI = Browser.file("to-khai.pdf", Api.pdf("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"));
  private static final Path CCCD = Browser.file("cccd.pdf", Api.pdf("Căn cước công dân 093085000123"));
  private static final Path RESULT = Browser.file("ket-qua.pdf", Api.pdf("Phiếu lý lịch tư pháp số 1"));
  private static final Path NOT_A_SCAN = Browser.file("cccd.txt",
      "Không phải bản chụp".getBytes(StandardCharsets.UTF_8));
  /** A PDF that is also an HTML page, named as the page: refused for its name. */
  private static final Path POLYGLOT = Browser.file("cccd.html",
      "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n".getBytes(StandardCharsets.UTF_8));

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
  @Autowired
  EngineWebApps engineWebApps;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  org.motcua.outbox.OutboxRelay relay;

  @BeforeEach
  void realTime() {
    clock.reset();
  }

  @Test
  void citizenSubmitsOnlineOfficersCarryItToTheResultSupervisorSeesItCounted() throws Exception {
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

      // Every mistake is written next to its field, in Vietnamese, each missing component file too.
      form.set("idNumber", "12345").set("phone", "912345678").set("email", "an.nguyen").set("address", "").send();
      assertThat(form.showsErrors()).isTrue();
      assertThat(form.errorOf("idNumber")).isEqualTo("Số CCCD gồm 12 chữ số, mã số thuế gồm 10 chữ số");
      assertThat(form.errorOf("phone")).isEqualTo("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0");
      assertThat(form.errorOf("email")).isEqualTo("Địa chỉ thư điện tử chưa đúng, ví dụ: ten@example.vn");
      assertThat(form.errorOf("address")).isEqualTo("Vui lòng nhập thông tin này");
      // The declaration is asked as its e-form (issue 18): its errors are on its fields, its file is optional.
      assertThat(browser.has(By.cssSelector("#eform .field-error"))).isTrue();
      assertThat(form.errorOf("file_TO_KHAI")).isNull();
      assertThat(form.errorOf("file_GIAY_TO_TUY_THAN")).startsWith("Vui lòng chọn tệp cho thành phần này");
      assertThat(form.errorOf("file_UY_QUYEN")).isNull();
      assertThat(form.errorOf("name")).isNull();
      browser.screenshot("03-submit-errors");
      // A CCCD of twelve digits whose province code does not exist: the service refuses, next to the field too.
      form.set("idNumber", "999085000123").set("phone", "0912345678").set("email", "an.nguyen@example.vn")
          .set("address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh, tỉnh Hậu Giang")
          .attach("TO_KHAI", TO_KHAI).attach("GIAY_TO_TUY_THAN", CCCD).send();
      assertThat(form.errorOf("idNumber")).contains("999085000123", "không hợp lệ");
      // A file that is not a PDF, JPEG or PNG: refused next to its component, and nothing is stored.
      long mine = dossiersOf("citizen");
      form.set("idNumber", "093085000123").attach("TO_KHAI", TO_KHAI).attach("GIAY_TO_TUY_THAN", NOT_A_SCAN).send();
      assertThat(form.errorOf("file_GIAY_TO_TUY_THAN")).contains("cccd.txt", "không phải PDF, JPEG hoặc PNG");
      assertThat(dossiersOf("citizen")).isEqualTo(mine);
      // A PDF named as a web page: refused next to its component too, with the extensions that would do.
      form.attach("TO_KHAI", TO_KHAI).attach("GIAY_TO_TUY_THAN", POLYGLOT).send();
      assertThat(form.errorOf("file_GIAY_TO_TUY_THAN")).contains("cccd.html", "PDF", ".pdf");
      assertThat(dossiersOf("citizen")).isEqualTo(mine);
      form.attach("TO_KHAI", TO_KHAI).attach("GIAY_TO_TUY_THAN", CCCD).send();

      DossierPage submitted = new DossierPage(browser);
      String code = submitted.code();
      assertThat(code).matches("000\\.00\\.12\\.H13-\\d{6}-\\d{4}");
      assertThat(submitted.notice()).startsWith("Đã nộp hồ sơ.");
      assertThat(submitted.status()).isEqualTo("Mới đăng ký");
      assertThat(submitted.appointment()).isEqualTo("Có sau khi hồ sơ được tiếp nhận");
      assertThat(submitted.documents()).hasSize(2).anySatisfy(f -> assertThat(f).contains("to-khai.pdf",
          "người nộp tải lên"));
      assertThat(submitted.history()).first().asString().contains("Nộp hồ sơ", "Nguyễn Văn An");
      browser.screenshot("04-dossier-submitted");

      // The clerk of the Department of Justice finds it in the inbox, not overdue, and receives it.
      assertThat(LoginPage.open(browser).signIn("clerk.stp")).isEqualTo("/officer/inbox");
      InboxPage inbox = new InboxPage(browser);
      assertThat(inbox.lineOf(code)).contains("Tiếp nhận hồ sơ", "Nguyễn Văn An");
      assertThat(inbox.urgencyOf(code)).isIn("TODAY", "SOON", "NORMAL");
      browser.screenshot("05-inbox");
      DossierPage reception = inbox.open(code);
      assertThat(reception.decisions()).containsExactly("Tiếp nhận", "Yêu cầu bổ sung", "Từ chối");
      assertThat(reception.download("document-" + firstDocumentId(browser))).containsExactly(200L, "application/pdf",
          (long) Files.size(TO_KHAI));
      browser.screenshot("06-officer-dossier");
      reception.decide("accept", null);
      assertThat(inbox.notice()).isEqualTo("Đã tiếp nhận hồ sơ " + code + ".");
      assertThat(inbox.lists(code)).isFalse();

      // Appraisal and approval: each officer sees only the decisions of their step. The 200.000 đồng fee is due.
      decide(browser, "specialist.stp", code, "forward", "Trình lãnh đạo",
          "Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1", "Đã trình lãnh đạo hồ sơ ");
      decide(browser, "leader.stp", code, "approve", "Phê duyệt", null, "Đã phê duyệt hồ sơ ");

      // The citizen pays online through the (sandbox) gateway; its signed notification settles the fee.
      LoginPage.open(browser).signIn("citizen");
      browser.go("/citizen/dossiers/" + code);
      DossierPage toPay = new DossierPage(browser);
      assertThat(toPay.status()).isEqualTo("Yêu cầu thực hiện nghĩa vụ tài chính");
      assertThat(browser.text(By.id("payment-amount"))).isEqualTo("Số tiền cần nộp: 200.000 đồng");
      browser.screenshot("07-payment-due");
      toPay.payOnline();
      assertThat(browser.path()).startsWith("/sandbox/vnpay/pay");
      assertThat(browser.text(By.tagName("main"))).contains("200.000 đồng");
      browser.clickAndWait(By.cssSelector("button[value=pay]"));
      assertThat(browser.text(By.tagName("h1"))).isEqualTo("Thanh toán thành công");
      browser.go("/citizen/dossiers/" + code);
      DossierPage paid = new DossierPage(browser);
      assertThat(paid.status()).isEqualTo("Đã xử lý xong");
      assertThat(paid.download("form-payment-receipt")).startsWith(200L, "application/pdf");
      assertThat(browser.text(By.id("charges"))).contains("200.000 đồng", "đã nộp", "Trực tuyến", "biên lai số BL-");

      // The leader digitizes the signed result on the dossier page; the clerk returns it.
      LoginPage.open(browser).signIn("leader.stp");
      browser.go("/officer/dossiers/" + code);
      DossierPage signed = new DossierPage(browser);
      signed.uploadResult(NOT_A_SCAN);
      assertThat(signed.errorOf("result-file")).contains("không phải PDF, JPEG hoặc PNG");
      signed.uploadResult(RESULT);
      assertThat(signed.notice()).startsWith("Đã số hóa kết quả");
      assertThat(signed.has("result-upload")).isFalse();
      decide(browser, "clerk.stp", code, "return", "Trả kết quả", null, "Đã trả kết quả hồ sơ ");

      // The citizen sees the result returned, downloads it and the receipt slip, and rates the handling; the messages
      // sent to them (e-mail, the default channel; the log in tests) are on the page, sent once the relay has run.
      while (relay.relayOnce() > 0) {
        // the backlog of the whole suite's context
      }
      assertThat(LoginPage.open(browser).signIn("citizen")).isEqualTo("/citizen/dossiers");
      assertThat(browser.text(By.cssSelector("#my-dossiers tr[data-code='" + code + "']"))).contains("Đã trả kết quả");
      browser.screenshot("08-my-dossiers");
      browser.clickAndWait(By.linkText(code));
      DossierPage returned = new DossierPage(browser);
      assertThat(returned.status()).isEqualTo("Đã trả kết quả");
      assertThat(returned.appointment()).matches("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
      assertThat(returned.download("download-result")).containsExactly(200L, "application/pdf",
          (long) Files.size(RESULT));
      assertThat(returned.download("form-receipt")).startsWith(200L, "application/pdf");
      assertThat(String.join("\n", returned.history()))
          .contains("Tiếp nhận hồ sơ: Tiếp nhận", "Thẩm định hồ sơ: Trình lãnh đạo",
              "Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1", "Phê duyệt kết quả: Phê duyệt", "Trả kết quả: Trả kết quả",
              "Trương Minh Quân", "(Chuyên viên)", "Sở Tư pháp thành phố Cần Thơ");
      browser.screenshot("09-dossier-returned");
      assertThat(browser.text(By.id("messages"))).contains("Hồ sơ " + code + " đã được tiếp nhận",
          "Hồ sơ " + code + " đã trả kết quả", "Đã gửi");
      browser.screenshot("09-dossier-messages", By.id("messages"));
      returned.rate(null, null);
      assertThat(returned.errorOf("rating")).isEqualTo("Vui lòng chọn một mức đánh giá.");
      returned.rate(5, "Cán bộ hướng dẫn tận tình");
      assertThat(returned.notice()).isEqualTo("Cảm ơn bạn đã đánh giá.");
      assertThat(browser.text(By.id("rated"))).contains("Rất hài lòng", "Cán bộ hướng dẫn tận tình");
      assertThat(returned.has("rating")).isFalse();
      assertThat(String.join("\n", returned.history())).contains("Công dân đánh giá mức độ hài lòng",
          "5/5: Cán bộ hướng dẫn tận tình");

      // The citizen writes feedback (phản ánh, kiến nghị) about the dossier; a blank title is refused next to it.
      browser.go("/citizen/feedback?dossier=" + code);
      browser.find(By.id("content")).sendKeys("Tôi phải chờ hơn một giờ tại quầy để nhận kết quả.");
      browser.clickAndWait(By.id("send-feedback"));
      assertThat(browser.text(By.id("title-error"))).isEqualTo("Hãy nhập tiêu đề phản ánh, kiến nghị.");
      browser.find(By.id("title")).sendKeys("Thời gian chờ nhận kết quả");
      browser.clickAndWait(By.id("send-feedback"));
      assertThat(browser.path()).startsWith("/citizen/feedback/");
      assertThat(browser.text(By.id("notice"))).isEqualTo("Đã gửi phản ánh, kiến nghị.");
      assertThat(browser.text(By.id("main"))).contains("Thời gian chờ nhận kết quả");
      browser.screenshot("09-feedback");

      // The components checked at reception are in the citizen's e-data warehouse: the next dossier reuses them.
      browser.go("/citizen/submit/" + CRIMINAL_RECORD);
      SubmitPage again = new SubmitPage(browser);
      assertThat(again.reuseOffers("GIAY_TO_TUY_THAN")).anySatisfy(o -> assertThat(o).contains("cccd.pdf"));
      again.set("phone", "0912345678").set("address", "Phường Vị Thanh, tỉnh Hậu Giang")
          .reuseFirst("TO_KHAI").reuseFirst("GIAY_TO_TUY_THAN").send();
      assertThat(new DossierPage(browser).documents()).hasSize(2)
          .allSatisfy(f -> assertThat(f).contains("dùng lại từ kho dữ liệu"));

      // Anyone holding the receipt tracks it without signing in: the code and the phone's last four digits.
      TrackPage track = TrackPage.open(browser).track(code, "12");
      assertThat(track.errorOf("phone")).isEqualTo("Vui lòng nhập đúng 4 chữ số");
      assertThat(track.track(code, "0000").notFound()).isTrue();
      assertThat(track.status()).isNull();
      assertThat(track.track(code, "5678").status()).isEqualTo("Đã trả kết quả");
      assertThat(browser.text(By.id("history"))).contains("Thẩm định hồ sơ: Trình lãnh đạo")
          .doesNotContain("Trương Minh Quân", "Đủ điều kiện");
      browser.screenshot("10-public-tracking");

      // The province's supervisor sees one more dossier received and finished this year.
      assertThat(LoginPage.open(browser).signIn("supervisor.tinh")).isEqualTo("/supervisor/dashboard");
      DashboardPage dashboard = new DashboardPage(browser);
      assertThat(dashboard.count("received")).isEqualTo(before.received() + 1);
      assertThat(dashboard.count("receivedOnline")).isEqualTo(before.receivedOnline() + 1);
      assertThat(dashboard.count("finished")).isEqualTo(before.finished() + 1);
      assertThat(dashboard.unitsTable()).contains("Sở Tư pháp thành phố Cần Thơ");
      browser.waiting().until(d -> dashboard.chartDrawn());
      assertThat(dashboard.chartsDrawn()).contains("chart-results", "chart-trend", "chart-online");
      // The month table sits in a closed <details>: read its text content, as a screen reader would.
      assertThat(browser.find(By.cssSelector("#months-table tbody tr:last-child th")).getAttribute("textContent"))
          .isEqualTo(today.toString().substring(0, 7));
      assertThat(browser.find(By.id("export-agency")).getAttribute("href"))
          .contains("/api/reports/breakdown?by=agency&from=" + today.withDayOfYear(1) + "&to=" + today, "format=csv");
      assertThat(dashboard.download("export-summary")).first().isEqualTo(200L);
      assertThat(dashboard.download("export-summary").get(1).toString()).startsWith("text/csv");
      assertThat(dashboard.download("export-agency-xlsx")).first().isEqualTo(200L);
      assertThat(dashboard.download("export-agency-xlsx").get(1).toString())
          .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      browser.screenshot("11-dashboard");
      // Drill-down from the unit's line of the ranking: the register of its dossiers, then one dossier's slip.
      browser.clickAndWait(By.cssSelector("#units tr[data-agency='000.00.12.H13'] td:last-child a"));
      assertThat(browser.text(By.id("register-scope"))).contains("Sở Tư pháp thành phố Cần Thơ");
      assertThat(browser.text(By.cssSelector("#dossiers tr[data-code='" + code + "']"))).contains("Đã trả kết quả");
      browser.screenshot("12-register");
      browser.clickAndWait(By.linkText(code));
      assertThat(new DossierPage(browser).status()).isEqualTo("Đã trả kết quả");
      browser.screenshot("13-supervisor-dossier");

      // The administrator reaches the engine's web apps and imports history, following the job until it ends.
      assertThat(LoginPage.open(browser).signIn("admin")).isEqualTo("/admin");
      assertThat(browser.find(By.id("cockpit")).getAttribute("href"))
          .endsWith(engineWebApps.path() + "/app/cockpit/");
      assertThat(browser.find(By.id("tasklist")).getAttribute("href"))
          .endsWith(engineWebApps.path() + "/app/tasklist/");
      browser.find(By.id("import-send")).click();
      assertThat(browser.text(By.id("import-file-error"))).isEqualTo("Vui lòng chọn tệp CSV cần nhập.");
      browser.find(By.id("import-file")).sendKeys(Browser.file("lich-su.csv", (IMPORT_HEADER
          + "\n000.00.12.H13-230102-0001,9.999999,000.00.12.H13,2,2023-01-02T08:00,,,,,1,0,,false,false,false\n")
          .getBytes(StandardCharsets.UTF_8)).toString());
      browser.find(By.id("import-send")).click();
      browser.waiting().until(d -> {
        String state = browser.find(By.id("import-state")).getAttribute("data-state");
        return state != null && java.util.List.of("SUCCEEDED", "REJECTED", "FAILED").contains(state);
      });
      assertThat(browser.text(By.id("import-state"))).startsWith("Bị từ chối");
      assertThat(browser.text(By.id("import-rejected"))).isEqualTo("1");
      browser.find(By.cssSelector("#import-errors-box summary")).click();
      assertThat(browser.text(By.id("import-errors")))
          .isEqualTo("2: Không có thủ tục mã \"9.999999\" trong danh mục.");
      browser.screenshot("14-admin");
      // Every page seen so far (catalogue with htmx, forms, the dashboard's charts, the import) kept to its policy.
      assertThat(browser.cspViolations()).isEmpty();
      // The engine's web apps, under their own policy, come up signed in by motcua's sign-in (no second login, no
      // engine password), and motcua's session survives them.
      browser.go(engineWebApps.path() + "/app/cockpit/default/");
      browser.waiting().until(d -> browser.has(By.cssSelector("a[href*='#/processes']")));
      assertThat(browser.has(By.cssSelector("input[type=password]"))).isFalse();
      browser.screenshot("15-cockpit");
      browser.go("/admin");
      assertThat(browser.find(By.id("cockpit")).getAttribute("href")).endsWith(engineWebApps.path() + "/app/cockpit/");
    }
  }

  private long dossiersOf(String username) {
    return jdbc.queryForObject("select count(*) from dossier where owner_username = ?", Long.class, username);
  }

  private static String firstDocumentId(Browser browser) {
    return browser.find(By.cssSelector("#documents li a")).getAttribute("id").substring("document-".length());
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
      mine.answerSupplement("Đã tải lên bản chụp Giấy chứng sinh", "GIAY_CHUNG_SINH", NOT_A_SCAN);
      assertThat(mine.errorOf("supplement-file")).contains("không phải PDF, JPEG hoặc PNG");
      assertThat(mine.status()).isEqualTo("Yêu cầu bổ sung giấy tờ");
      mine.answerSupplement("Đã tải lên bản chụp Giấy chứng sinh", "GIAY_CHUNG_SINH", CCCD);
      assertThat(mine.notice()).startsWith("Đã gửi hồ sơ bổ sung.");
      assertThat(mine.documents()).singleElement().asString().contains("cccd.pdf");
      assertThat(mine.status()).isEqualTo("Mới đăng ký");
      assertThat(String.join("\n", mine.history())).contains("Công dân nộp bổ sung", "Đã tải lên bản chụp Giấy chứng sinh");

      LoginPage.open(browser).signIn("clerk.vithanh");
      assertThat(new InboxPage(browser).lineOf(code)).contains("Tiếp nhận hồ sơ");
    }
  }

  @Test
  void clerkReceivesAtTheCounterAndRecordsTheFee() {
    Dossiers flow = new Dossiers(api);
    try (Browser browser = Browser.desktop(port)) {
      LoginPage.open(browser).signIn("clerk.stp");
      browser.clickAndWait(By.id("counter-intake"));
      browser.clickAndWait(By.cssSelector("#intake-procedures li[data-code='" + CRIMINAL_RECORD + "'] a"));
      SubmitPage intake = new SubmitPage(browser);
      // The CCCD is checked as the clerk types: a letter is an error at once, a short number once the field is left.
      intake.set("idNumber", "09308500012a");
      assertThat(intake.errorOf("idNumber")).isEqualTo("Số CCCD gồm 12 chữ số, mã số thuế gồm 10 chữ số");
      intake.set("idNumber", "0930850001");
      assertThat(intake.errorOf("idNumber")).isNull();
      intake.set("idNumber", "093085000");
      browser.find(By.id("name")).click();
      assertThat(intake.errorOf("idNumber")).isEqualTo("Số CCCD gồm 12 chữ số, mã số thuế gồm 10 chữ số");
      // And on the server: a twelve-digit number with an unknown province, and the rest of the form.
      intake.set("idNumber", "999085000123").set("name", "Lê Văn Cường").set("phone", "0912").send();
      assertThat(intake.errorOf("phone")).isEqualTo("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0");
      intake.set("phone", "0907111222").send();
      assertThat(intake.errorOf("idNumber")).contains("999085000123", "không hợp lệ");
      browser.screenshot("15-counter-intake-errors");
      // The clerk's scan named as a web page: refused next to its component, nothing received.
      intake.set("idNumber", "093085000999").attach("TO_KHAI", TO_KHAI).attach("GIAY_TO_TUY_THAN", POLYGLOT).send();
      assertThat(intake.errorOf("file_GIAY_TO_TUY_THAN")).contains("cccd.html", "PDF", ".pdf");
      intake.attach("TO_KHAI", TO_KHAI).attach("GIAY_TO_TUY_THAN", CCCD).send();

      DossierPage received = new DossierPage(browser);
      String code = received.code();
      assertThat(received.notice()).isEqualTo("Đã tiếp nhận hồ sơ " + code
          + ". In giấy tiếp nhận và hẹn trả kết quả cho người nộp.");
      assertThat(received.status()).isEqualTo("Được tiếp nhận");
      assertThat(received.documents()).hasSize(2).allSatisfy(f -> assertThat(f).contains("cán bộ số hóa"));
      assertThat(received.download("form-receipt")).startsWith(200L, "application/pdf");
      browser.screenshot("16-counter-received");

      flow.decide("clerk.stp", code, "digitized", null);
      flow.decide("specialist.stp", code, "forward", null);
      flow.decide("leader.stp", code, "approve", null);
      browser.go("/officer/dossiers/" + code);
      DossierPage toPay = new DossierPage(browser);
      toPay.recordPayment(null, "0001234");
      assertThat(toPay.errorOf("method")).isEqualTo("Vui lòng chọn hình thức thu.");
      toPay.recordPayment("CASH", "");
      assertThat(toPay.errorOf("receiptNumber")).isEqualTo("Vui lòng nhập thông tin này");
      browser.screenshot("17-counter-payment");
      toPay.recordPayment("CASH", "0001234");
      assertThat(toPay.notice()).startsWith("Đã ghi nhận phí, lệ phí");
      assertThat(toPay.status()).isEqualTo("Đã xử lý xong");
      assertThat(browser.text(By.id("charges"))).contains("200.000 đồng", "đã nộp", "Tiền mặt", "biên lai số 0001234");
      assertThat(toPay.download("form-payment-receipt")).startsWith(200L, "application/pdf");
      assertThat(toPay.has("counter-payment")).isFalse();
    }
  }

  /**
   * A fee due at submission: the clerk takes it with the counter intake (a payment without its receipt number is
   * refused next to the fee, nothing stored); the citizen declares pages and copies on the submit page and the
   * dossier waits for the fee before it reaches the clerk.
   */
  @Test
  void feesDueAtSubmissionOnTheIntakeAndSubmitPages() {
    try (Browser browser = Browser.desktop(port)) {
      LoginPage.open(browser).signIn("clerk.vithanh");
      browser.go("/officer/intake/2.000884.000.00.21.H13");
      SubmitPage intake = new SubmitPage(browser);
      assertThat(browser.text(By.id("fee-due"))).contains("10.000");
      intake.set("name", "Trần Thị Bình").set("idNumber", "093190000456").choose("feeMethod", "CASH").send();
      assertThat(intake.errorOf("fee")).contains("số biên lai");
      intake.set("feeReceipt", "0000777").send();
      DossierPage received = new DossierPage(browser);
      assertThat(received.status()).isEqualTo("Được tiếp nhận");
      assertThat(browser.text(By.id("charges"))).contains("10.000 đồng", "0000777");
      browser.screenshot("18-counter-fee-at-intake");

      browser.forget();
      LoginPage.open(browser).signIn("citizen");
      browser.go("/citizen/submit/2.000815.000.00.21.H13");
      SubmitPage submit = new SubmitPage(browser);
      submit.set("phone", "0912345678").set("address", "Phường Vị Thanh, tỉnh Hậu Giang").set("qty_pages", "0")
          .attach("BAN_CHINH", TO_KHAI).attach("BAN_SAO", CCCD).send();
      assertThat(submit.errorOf("fee")).contains("ngoài giới hạn");
      submit.set("qty_pages", "5").set("qty_copies", "2").attach("BAN_CHINH", TO_KHAI).attach("BAN_SAO", CCCD).send();
      DossierPage waiting = new DossierPage(browser);
      assertThat(waiting.status()).isEqualTo("Yêu cầu thực hiện nghĩa vụ tài chính");
      assertThat(browser.text(By.id("charges"))).contains("14.000 đồng");
      assertThat(waiting.has("pay-online")).isTrue();
      browser.screenshot("19-citizen-fee-at-submission");
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
      phone.go("/officer/intake/" + CRIMINAL_RECORD);
      new SubmitPage(phone).set("idNumber", "0930").set("phone", "12").send();
      check(phone, "m08a-counter-intake");
      LoginPage.open(phone).signIn("supervisor.tinh");
      phone.waiting().until(d -> new DashboardPage(phone).chartDrawn());
      check(phone, "m09-dashboard");
      phone.go("/supervisor/dossiers?from=" + LocalDate.now(clock).withDayOfYear(1) + "&to=" + LocalDate.now(clock));
      check(phone, "m10-register");
      LoginPage.open(phone).signIn("admin");
      check(phone, "m11-admin");
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
