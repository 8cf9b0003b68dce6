package org.motcua.web.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.draft.FormDrafts;
import org.motcua.security.UserAccounts;
import org.motcua.support.MotcuaTest;
import org.motcua.support.PageSession;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The submit page with an e-form, server-rendered and without script (issue 18): the birth registration's declaration
 * as fields in the definition's sections, pre-filled from the account; every mistake next to its field and nothing
 * stored; "Kiểm tra" shows the case and fee the birth date selects (htmx fragment too); "Lưu nháp" keeps a draft that
 * only its owner lists, resumes and deletes, and which expires.
 */
@MotcuaTest
class EformPagesTest {

  static final String BIRTH = "1.001193.000.00.21.H13";
  static final String VI_THANH = "000.01.21.H13";
  private static final Pattern DRAFT_LINK = Pattern.compile(
      "/citizen/submit/" + Pattern.quote(BIRTH) + "\\?draft=(\\d+)");

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;
  @Autowired
  FormDrafts drafts;
  @Autowired
  UserAccounts accounts;
  @Autowired
  org.motcua.support.Api api;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  /** The birth registration filled in right, on time, but for the fields a test changes. */
  static Map<String, String> filled(LocalDate birth) {
    Map<String, String> f = new HashMap<>();
    f.put("name", "Nguyễn Văn An");
    f.put("idNumber", "093085000123");
    f.put("phone", "0912345678");
    f.put("address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh, tỉnh Hậu Giang");
    f.put("agencyCode", VI_THANH);
    f.put("f.requester.fullName", "Nguyễn Văn An");
    f.put("f.requester.idNumber", "093085000123");
    f.put("f.requester.residence", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh");
    f.put("f.requester.relationship", "Cha");
    f.put("f.child.fullName", "Nguyễn Minh Khang");
    f.put("f.child.birthDate", birth.toString());
    f.put("f.child.sex", "NAM");
    f.put("f.child.ethnicity", "Kinh");
    f.put("f.child.nationality", "Việt Nam");
    f.put("f.child.birthPlace", "Bệnh viện Đa khoa tỉnh Hậu Giang");
    f.put("f.mother.fullName", "Trần Thị Mai");
    f.put("f.mother.birthYear", "1990");
    f.put("f.mother.ethnicity", "Kinh");
    f.put("f.mother.nationality", "Việt Nam");
    f.put("f.mother.residence", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh");
    return f;
  }

  @Test
  void theDeclarationIsAFormPrefilledFromTheAccountInTheDefinitionsOrder() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    String page = citizen.get("/citizen/submit/" + BIRTH).body();
    assertThat(page).contains("id=\"eform\"", "data-form=\"dang-ky-khai-sinh\"", "TỜ KHAI ĐĂNG KÝ KHAI SINH",
        "Người được khai sinh", "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây");
    // Pre-filled from the account: name and identity number; the rest is the applicant's to fill in.
    assertThat(page).containsPattern("id=\"f-requester-fullName\" name=\"f.requester.fullName\" value=\"Nguyễn Văn An\"")
        .containsPattern("id=\"f-requester-idNumber\" name=\"f.requester.idNumber\" value=\"093085000123\"")
        .containsPattern("type=\"date\" id=\"f-child-birthDate\" name=\"f.child.birthDate\" value=\"\"");
    // One input per widget: a select with the labels of the values, a number with its bounds.
    assertThat(page).contains("<select id=\"f-child-sex\" name=\"f.child.sex\"", "<option value=\"NU\">Nữ</option>")
        .containsPattern("type=\"number\"[^>]*id=\"f-mother-birthYear\"[^>]*min=\"1900\" max=\"2100\"");
    // Labels in the definition's order.
    assertThat(page.indexOf("Họ, chữ đệm, tên người yêu cầu")).isLessThan(page.indexOf("Quan hệ với người được khai sinh"));
    assertThat(page.indexOf("Quan hệ với người được khai sinh")).isLessThan(page.indexOf("Họ, chữ đệm, tên người mẹ"));
    // The data selects the case: no case to choose; the declaration needs no upload (a scan stays possible).
    assertThat(page).doesNotContain("name=\"caseCode\"").contains("id=\"case-preview\"", "id=\"case-pending\"",
        "Không cần khi đã điền tờ khai điện tử ở trên");
    assertThat(page).doesNotContainPattern("id=\"file_TO_KHAI\"[^>]*required");
    assertThat(page).contains("id=\"check\"", "id=\"save-draft\"", "htmx.min.js");
  }

  @Test
  void everyMistakeIsNextToItsFieldAndNothingIsStored() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    long dossiers = count("select count(*) from dossier where owner_username = 'citizen'");
    long saved = count("select count(*) from form_draft where owner_username = 'citizen'");
    Map<String, String> wrong = filled(LocalDate.now(clock).minusDays(10));
    wrong.put("f.child.birthDate", "");
    wrong.put("f.mother.birthYear", "một chín chín không");
    wrong.put("f.requester.idNumber", "12345");
    HttpResponse<String> answer = citizen.post("/citizen/submit/" + BIRTH, wrong);
    assertThat(answer.statusCode()).isEqualTo(200);
    String page = answer.body();
    assertThat(page).contains("id=\"form-errors\"");
    assertThat(error(page, "f-child-birthDate")).isEqualTo("«Ngày, tháng, năm sinh»: chưa khai, đây là thông tin bắt buộc.");
    assertThat(error(page, "f-mother-birthYear")).isEqualTo("«Năm sinh»: vui lòng nhập một số.");
    assertThat(error(page, "f-requester-idNumber")).isEqualTo("«Số định danh cá nhân»: không đúng mẫu quy định.");
    assertThat(error(page, "f-child-fullName")).isNull();
    // What was typed is kept, the wrong value too.
    assertThat(page).contains("value=\"Nguyễn Minh Khang\"", "value=\"một chín chín không\"");
    assertThat(count("select count(*) from dossier where owner_username = 'citizen'")).isEqualTo(dossiers);
    assertThat(count("select count(*) from form_draft where owner_username = 'citizen'")).isEqualTo(saved);
  }

  @Test
  void aNumberWithAHugeExponentIsNotANumber() {
    // A bug: 1e100000000 was read as an exact integer of a hundred million digits, holding a core for minutes.
    PageSession citizen = new PageSession(port).signIn("citizen");
    Map<String, String> huge = filled(LocalDate.now(clock).minusDays(10));
    huge.put("f.mother.birthYear", "1e100000000");
    String page = citizen.post("/citizen/submit/" + BIRTH, huge).body();
    assertThat(error(page, "f-mother-birthYear")).isEqualTo("«Năm sinh»: vui lòng nhập một số.");
    String fragment = citizen.post("/citizen/submit/" + BIRTH + "/case",
        Map.of("f.mother.birthYear", "1e100000000", "f.child.birthDate", LocalDate.now(clock).toString())).body();
    assertThat(fragment).contains("id=\"case-preview\"");
  }

  @Test
  void aScanOfAPaperDeclarationInsteadOfTheEformLeavesTheCaseToTheApplicant() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    long dossiers = count("select count(*) from dossier where owner_username = 'citizen'");
    Map<String, String> paper = new HashMap<>(Map.of("name", "Nguyễn Văn An", "idNumber", "093085000123",
        "phone", "0912345678", "address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh", "agencyCode", VI_THANH,
        "reuse_TO_KHAI", "987654321", "reuse_GIAY_CHUNG_SINH", "987654321", "reuse_GIAY_TO_TUY_THAN", "987654321"));
    String page = citizen.post("/citizen/submit/" + BIRTH, paper).body();
    // The e-form, empty, is not checked; without its birth date nothing selects the case: the choice is asked.
    assertThat(error(page, "f-child-birthDate")).isNull();
    assertThat(page).contains("name=\"caseCode\"", "id=\"caseCode-error\"");
    assertThat(count("select count(*) from dossier where owner_username = 'citizen'")).isEqualTo(dossiers);
  }

  @Test
  void checkShowsTheCaseAndFeeTheBirthDateSelects() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    long dossiers = count("select count(*) from dossier where owner_username = 'citizen'");
    Map<String, String> late = filled(LocalDate.now(clock).minusDays(61));
    late.put("action", "check");
    String page = citizen.post("/citizen/submit/" + BIRTH, late).body();
    assertThat(page).contains("id=\"check-ok\"");
    assertThat(text(page, "case-selected")).isEqualTo("Đăng ký khai sinh quá hạn (sau 60 ngày kể từ ngày sinh)");
    assertThat(text(page, "case-fee")).isEqualTo("Lệ phí: 8.000 đồng");
    Map<String, String> onTime = filled(LocalDate.now(clock).minusDays(60));
    onTime.put("action", "check");
    page = citizen.post("/citizen/submit/" + BIRTH, onTime).body();
    assertThat(text(page, "case-selected")).startsWith("Đăng ký khai sinh đúng hạn");
    assertThat(text(page, "case-fee")).isEqualTo("Miễn lệ phí");
    // The htmx fragment: the preview alone.
    String fragment = citizen.post("/citizen/submit/" + BIRTH + "/case",
        Map.of("f.child.birthDate", LocalDate.now(clock).minusYears(1).toString())).body();
    assertThat(fragment).startsWith("<section").contains("id=\"case-preview\"", "quá hạn", "8.000 đồng")
        .doesNotContain("<html");
    assertThat(count("select count(*) from dossier where owner_username = 'citizen'")).isEqualTo(dossiers);
  }

  @Test
  void aDraftIsItsOwnersAloneAndExpires() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    long dossiers = count("select count(*) from dossier where owner_username = 'citizen'");
    Map<String, String> half = new HashMap<>(Map.of("action", "draft", "name", "Nguyễn Văn An",
        "f.child.fullName", "Nguyễn Minh Khang", "f.mother.birthYear", "199"));
    HttpResponse<String> saved = citizen.post("/citizen/submit/" + BIRTH, half);
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/citizen/dossiers");
    String list = citizen.get("/citizen/dossiers").body();
    assertThat(list).contains("id=\"my-drafts\"", "Đăng ký khai sinh", "Tiếp tục",
        "Bản nháp tự xóa sau 30 ngày kể từ lần lưu cuối");
    Matcher link = DRAFT_LINK.matcher(list);
    assertThat(link.find()).isTrue();
    String id = link.group(1);
    assertThat(count("select count(*) from dossier where owner_username = 'citizen'")).isEqualTo(dossiers);

    // Resumed: what was typed, and the draft's id to save it again or drop it once submitted.
    String resumed = citizen.get("/citizen/submit/" + BIRTH + "?draft=" + id).body();
    assertThat(resumed).contains("id=\"resumed\"", "value=\"Nguyễn Minh Khang\"", "value=\"199\"",
        "name=\"draftId\" value=\"" + id + "\"");
    // Saved again: the same draft.
    half.put("draftId", id);
    half.put("f.child.sex", "NU");
    citizen.post("/citizen/submit/" + BIRTH, half);
    assertThat(count("select count(*) from form_draft where id = " + id + " and data like '%\"NU\"%'")).isEqualTo(1);

    // Another citizen neither sees, resumes nor deletes it.
    PageSession other = new PageSession(port).signIn("citizen2");
    assertThat(other.get("/citizen/dossiers").body()).doesNotContain("?draft=" + id);
    assertThat(other.get("/citizen/submit/" + BIRTH + "?draft=" + id).statusCode()).isEqualTo(404);
    assertThat(other.post("/citizen/drafts/" + id + "/delete", Map.of()).statusCode()).isEqualTo(404);
    assertThat(count("select count(*) from form_draft where id = " + id)).isEqualTo(1);
    // An officer has no drafts.
    assertThat(new PageSession(port).signIn("clerk.vithanh").get("/citizen/submit/" + BIRTH + "?draft=" + id)
        .statusCode()).isEqualTo(403);

    // 30 days after it was last saved it is gone: no longer listed, and the sweep deletes it.
    clock.set(LocalDateTime.now(clock).plusDays(30).plusMinutes(1));
    assertThat(citizen.get("/citizen/dossiers").body()).doesNotContain("?draft=" + id);
    assertThat(citizen.get("/citizen/submit/" + BIRTH + "?draft=" + id).statusCode()).isEqualTo(404);
    assertThat(drafts.deleteExpired()).isGreaterThanOrEqualTo(1);
    assertThat(count("select count(*) from form_draft where id = " + id)).isZero();
  }

  @Test
  void theOwnerDeletesADraft() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    var draft = drafts.save(accounts.find("citizen").orElseThrow(), null, BIRTH,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("fields", "x"));
    HttpResponse<String> deleted = citizen.post("/citizen/drafts/" + draft.id() + "/delete", Map.of());
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(count("select count(*) from form_draft where id = " + draft.id())).isZero();
  }

  @Test
  void theReceivingClerkReadsTheDeclarationNextToItsPdfAndCorrectsAField() {
    Map<String, Object> submission = new HashMap<>(org.motcua.support.Dossiers.submission(BIRTH));
    submission.remove("caseCode"); // the data selects it
    Map<String, Object> form = new HashMap<>();
    filled(LocalDate.now(clock).minusDays(5)).forEach((k, v) -> {
      if (k.startsWith("f.")) {
        String[] path = k.substring(2).split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = path.length == 1 ? form
            : (Map<String, Object>) form.computeIfAbsent(path[0], x -> new HashMap<String, Object>());
        parent.put(path[path.length - 1], k.endsWith("birthYear") ? (Object) Integer.valueOf(v) : v);
      }
    });
    submission.put("form", form);
    org.motcua.support.Api.Response submitted = api.post("citizen", "/api/dossiers", submission);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String code = submitted.text("code");

    // The applicant reads what they declared on their dossier page, with the PDF.
    String own = new PageSession(port).signIn("citizen").get("/citizen/dossiers/" + code).body();
    assertThat(own).contains("id=\"eform-data\"", "id=\"declaration-pdf\"")
        .containsPattern("data-field=\"child.fullName\">\\s*<dt>[^<]*</dt>\\s*<dd>Nguyễn Minh Khang</dd>");

    PageSession clerk = new PageSession(port).signIn("clerk.vithanh");
    String page = clerk.get("/officer/dossiers/" + code).body();
    assertThat(page).contains("id=\"eform-data\"", "TỜ KHAI ĐĂNG KÝ KHAI SINH", "id=\"declaration-pdf\"",
        "to-khai-" + code + ".pdf", "id=\"form-correction\"");
    assertThat(page).containsPattern("data-field=\"child.fullName\">\\s*<dt>[^<]*</dt>\\s*<dd>Nguyễn Minh Khang</dd>")
        .containsPattern("data-field=\"child.sex\">\\s*<dt>[^<]*</dt>\\s*<dd>Nam</dd>")
        .containsPattern("data-field=\"father.fullName\">\\s*<dt>[^<]*</dt>\\s*<dd>\\(không khai\\)</dd>");

    // Refusals next to the correction's fields; nothing changes.
    String refused = clerk.post("/officer/dossiers/" + code + "/form", Map.of("field", "mother.birthYear",
        "value", "abc")).body();
    assertThat(error(refused, "correction-value")).isEqualTo("«Năm sinh»: vui lòng nhập một số.");
    refused = clerk.post("/officer/dossiers/" + code + "/form", Map.of("field", "child.fullName", "value", "")).body();
    assertThat(error(refused, "correction-value")).contains("«Họ, chữ đệm, tên»", "bắt buộc");
    // Another agency's clerk does not see the dossier; the applicant has no officer page.
    assertThat(new PageSession(port).signIn("clerk.stp").post("/officer/dossiers/" + code + "/form",
        Map.of("field", "child.fullName", "value", "X")).statusCode()).isEqualTo(404);

    HttpResponse<String> corrected = clerk.post("/officer/dossiers/" + code + "/form", Map.of("field",
        "child.fullName", "value", "Nguyễn Minh Khôi", "reason", "Theo giấy chứng sinh"));
    assertThat(corrected.statusCode()).isEqualTo(302);
    page = clerk.get("/officer/dossiers/" + code).body();
    assertThat(page).contains("Đã sửa thông tin tờ khai", "«Nguyễn Minh Khang» → «Nguyễn Minh Khôi»")
        .containsPattern("data-field=\"child.fullName\">\\s*<dt>[^<]*</dt>\\s*<dd>Nguyễn Minh Khôi</dd>");
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  /** The message next to a field of the page, or null. */
  static String error(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "-error\">([^<]*)<").matcher(page);
    return m.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)) : null;
  }

  static String text(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(?:<strong>)?([^<]*)<").matcher(page);
    return m.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)).trim() : null;
  }
}
