package org.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Phản ánh, kiến nghị over real HTTP: deadlines on the working-time calendar (checked against dates computed by
 * hand below), the lifecycle (ask for information, add it, answer, like or dislike; reject), who may see and do what,
 * and the overdue list supervisors read.
 */
@MotcuaTest
class FeedbackLifecycleTest {

  static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  static final String STP = "000.00.12.H13";
  static final String SXD = "000.00.15.H13";

  @Autowired
  Api api;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private JsonNode write(String citizen, Map<String, Object> body) {
    Api.Response r = api.post(citizen, "/api/feedback", body);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.headers().getLocation()).hasToString("/api/feedback/" + r.body().path("id").asLong());
    return r.body();
  }

  private JsonNode aboutProcedure(String citizen, String title) {
    return write(citizen, Map.of("procedureCode", CRIMINAL_RECORD, "title", title,
        "content", "Cán bộ hẹn trả kết quả nhưng không liên lạc được."));
  }

  private static LocalDateTime at(JsonNode node, String field) {
    return LocalDateTime.parse(node.path(field).asText());
  }

  @Test
  void deadlinesAreCountedInWorkingDaysOnTheOfficeCalendar() {
    // Written on Friday 24 April 2026 at 10:00 (office hours 07:00–11:30, 13:30–17:00; config/calendar.yml 2026:
    // Sunday 26/4 Giỗ Tổ, made up on Monday 27/4; Thursday 30/4 and Friday 1/5 off). Working days after Friday:
    //   Tue 28/4 (1), Wed 29/4 (2)                            → reject by Wednesday 29/4/2026 10:00
    //   Mon 4/5 (3), Tue 5/5 (4), Wed 6/5 (5)                 → ask for information by Wednesday 6/5/2026 10:00
    //   Thu 7/5 (6), Fri 8/5 (7), Mon 11/5–Fri 15/5 (8–12),
    //   Mon 18/5 (13), Tue 19/5 (14), Wed 20/5 (15)           → answer by Wednesday 20/5/2026 10:00
    clock.set(LocalDateTime.of(2026, 4, 24, 10, 0));
    JsonNode f = aboutProcedure("citizen", "Hạn trả kết quả qua lễ 30/4");
    assertThat(at(f, "submittedAt")).isEqualTo(LocalDateTime.of(2026, 4, 24, 10, 0));
    assertThat(at(f, "rejectDue")).isEqualTo(LocalDateTime.of(2026, 4, 29, 10, 0));
    assertThat(at(f, "informationDue")).isEqualTo(LocalDateTime.of(2026, 5, 6, 10, 0));
    assertThat(at(f, "answerDue")).isEqualTo(LocalDateTime.of(2026, 5, 20, 10, 0));
    assertThat(f.path("agencyCode").asText()).isEqualTo(STP);
    assertThat(f.path("state").asText()).isEqualTo("SUBMITTED");

    // Written on Thursday 8 January 2026 at 14:00: New Year 1–4/1 off with Friday 2/1, Saturday 10/1 worked.
    //   Fri 9/1 (1), Sat 10/1 worked (2)                      → reject by Saturday 10/1/2026 14:00
    //   Mon 12/1 (3), Tue 13/1 (4), Wed 14/1 (5)              → information by Wednesday 14/1/2026 14:00
    //   Thu 15/1 (6), Fri 16/1 (7), Mon 19/1–Fri 23/1 (8–12),
    //   Mon 26/1 (13), Tue 27/1 (14), Wed 28/1 (15)           → answer by Wednesday 28/1/2026 14:00
    clock.set(LocalDateTime.of(2026, 1, 8, 14, 0));
    JsonNode g = aboutProcedure("citizen", "Ngày làm bù");
    assertThat(at(g, "rejectDue")).isEqualTo(LocalDateTime.of(2026, 1, 10, 14, 0));
    assertThat(at(g, "informationDue")).isEqualTo(LocalDateTime.of(2026, 1, 14, 14, 0));
    assertThat(at(g, "answerDue")).isEqualTo(LocalDateTime.of(2026, 1, 28, 14, 0));

    // Written on Friday 23 January 2026 at 17:30, after closing: counting starts at the next opening, Monday 26/1
    // 07:00. 16 working hours later is Tuesday 27/1 17:00 (time that runs out at a closing ends at that closing);
    // 40 hours: Friday 30/1 17:00; 120 hours (15 days): Friday 13/2 17:00 (Tết 14–22/2 comes after it).
    clock.set(LocalDateTime.of(2026, 1, 23, 17, 30));
    JsonNode h = aboutProcedure("citizen", "Gửi ngoài giờ");
    assertThat(at(h, "rejectDue")).isEqualTo(LocalDateTime.of(2026, 1, 27, 17, 0));
    assertThat(at(h, "informationDue")).isEqualTo(LocalDateTime.of(2026, 1, 30, 17, 0));
    assertThat(at(h, "answerDue")).isEqualTo(LocalDateTime.of(2026, 2, 13, 17, 0));
  }

  @Test
  void theAgencyAsksForInformationThenAnswersAndTheCitizenDislikesTheAnswerOnce() {
    clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
    JsonNode f = aboutProcedure("citizen", "Thái độ tiếp công dân");
    String url = "/api/feedback/" + f.path("id").asLong();

    // Who sees it: its citizen, the agency's officers, supervisors above it, admin; nobody else can tell it exists.
    assertThat(api.get("citizen", url).status()).isEqualTo(200);
    assertThat(api.get("specialist.stp", url).status()).isEqualTo(200);
    assertThat(api.get("supervisor.stp", url).status()).isEqualTo(200);
    assertThat(api.get("supervisor.tinh", url).status()).isEqualTo(200);
    assertThat(api.get("admin", url).status()).isEqualTo(200);
    problem(api.get("citizen2", url), 404, "UNKNOWN_FEEDBACK");
    problem(api.get("clerk.sxd", url), 404, "UNKNOWN_FEEDBACK");
    problem(api.get("supervisor.sxd", url), 404, "UNKNOWN_FEEDBACK");
    problem(api.get(null, url), 401, "UNAUTHENTICATED");
    problem(api.get("citizen", "/api/feedback/987654321"), 404, "UNKNOWN_FEEDBACK");
    // Who acts: only the agency's officers; another agency's officer cannot tell it exists.
    problem(api.post("clerk.sxd", url + "/answer", Map.of("text", "x")), 404, "UNKNOWN_FEEDBACK");
    problem(api.post("supervisor.stp", url + "/answer", Map.of("text", "x")), 403, "FEEDBACK_ACCESS_DENIED");
    problem(api.post("citizen", url + "/answer", Map.of("text", "x")), 403, "FEEDBACK_ACCESS_DENIED");
    problem(api.post("clerk.stp", url + "/answer", Map.of("text", " ")), 400, "FEEDBACK_TEXT_REQUIRED");
    problem(api.post("citizen", url + "/information", Map.of("text", "x")), 409,
        "FEEDBACK_NOT_AWAITING_INFORMATION");

    clock.set(LocalDateTime.of(2026, 3, 3, 8, 0));
    JsonNode asked = ok(api.post("clerk.stp", url + "/information-request",
        Map.of("text", "Đề nghị cho biết ngày, giờ và quầy tiếp nhận.")));
    assertThat(asked.path("state").asText()).isEqualTo("INFORMATION_REQUESTED");
    problem(api.post("clerk.stp", url + "/answer", Map.of("text", "x")), 409, "FEEDBACK_NOT_AWAITING_AGENCY");
    problem(api.post("citizen2", url + "/information", Map.of("text", "x")), 404, "UNKNOWN_FEEDBACK");
    problem(api.post("clerk.stp", url + "/information", Map.of("text", "x")), 403, "FEEDBACK_ACCESS_DENIED");

    clock.set(LocalDateTime.of(2026, 3, 4, 10, 0));
    JsonNode provided = ok(api.post("citizen", url + "/information", Map.of("text", "Sáng 2/3, quầy số 3.")));
    assertThat(provided.path("state").asText()).isEqualTo("INFORMATION_PROVIDED");
    problem(api.post("citizen", url + "/reaction", Map.of("reaction", "LIKE")), 409, "FEEDBACK_NOT_ANSWERED");

    clock.set(LocalDateTime.of(2026, 3, 10, 15, 0));
    JsonNode answered = ok(api.post("leader.stp", url + "/answer",
        Map.of("text", "Đã chấn chỉnh cán bộ tiếp nhận; xin lỗi ông/bà.")));
    assertThat(answered.path("state").asText()).isEqualTo("ANSWERED");
    assertThat(answered.path("late").asBoolean()).isFalse();
    assertThat(answered.path("overdue").asBoolean()).isFalse();
    problem(api.post("clerk.stp", url + "/rejection", Map.of("text", "x")), 409, "FEEDBACK_NOT_AWAITING_AGENCY");

    problem(api.post("citizen2", url + "/reaction", Map.of("reaction", "LIKE")), 404, "UNKNOWN_FEEDBACK");
    problem(api.post("clerk.stp", url + "/reaction", Map.of("reaction", "LIKE")), 403, "FEEDBACK_ACCESS_DENIED");
    problem(api.post("citizen", url + "/reaction", Map.of("reaction", "MAYBE")), 400, "INVALID_REACTION");
    JsonNode reacted = ok(api.post("citizen", url + "/reaction", Map.of("reaction", "DISLIKE")));
    assertThat(reacted.path("reaction").asText()).isEqualTo("DISLIKE");
    problem(api.post("citizen", url + "/reaction", Map.of("reaction", "LIKE")), 409, "FEEDBACK_ALREADY_REACTED");

    // Every state change recorded: who, when, what.
    List<String> lines = new ArrayList<>();
    for (JsonNode e : api.get("supervisor.stp", url).body().path("history")) {
      lines.add(e.path("at").asText() + " " + e.path("action").asText() + " " + e.path("actor").asText());
    }
    assertThat(lines).containsExactly(
        "2026-03-02T09:00 SUBMITTED citizen",
        "2026-03-03T08:00 INFORMATION_REQUESTED clerk.stp",
        "2026-03-04T10:00 INFORMATION_PROVIDED citizen",
        "2026-03-10T15:00 ANSWERED leader.stp",
        "2026-03-10T15:00 DISLIKED citizen");

    // Lists: the citizen's own, the agency's; not another agency's.
    long id = f.path("id").asLong();
    assertThat(ids(api.get("citizen", "/api/feedback?size=100").body())).contains(id);
    assertThat(ids(api.get("citizen2", "/api/feedback?size=100").body())).doesNotContain(id);
    assertThat(ids(api.get("clerk.stp", "/api/feedback?size=100").body())).contains(id);
    assertThat(ids(api.get("clerk.sxd", "/api/feedback?size=100").body())).doesNotContain(id);
  }

  @Test
  void feedbackAboutADossierGoesToItsAgencyAndARejectionIsRecordedOnTheDossier() {
    Dossiers flow = new Dossiers(api);
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    // Someone else's dossier cannot be written about (nor told apart from one that does not exist).
    problem(api.post("citizen2", "/api/feedback", Map.of("dossierCode", code, "title", "t", "content", "c")), 404,
        "UNKNOWN_DOSSIER");
    problem(api.post("clerk.stp", "/api/feedback", Map.of("dossierCode", code, "title", "t", "content", "c")), 403,
        "ACCESS_DENIED");
    problem(api.post("citizen", "/api/feedback", Map.of("title", "t", "content", "c")), 400,
        "FEEDBACK_SUBJECT_REQUIRED");
    problem(api.post("citizen", "/api/feedback", Map.of("procedureCode", CRIMINAL_RECORD, "agencyCode", SXD,
        "title", "t", "content", "c")), 400, "FEEDBACK_AGENCY_NOT_OFFERING");
    problem(api.post("citizen", "/api/feedback", Map.of("dossierCode", code, "content", "c")), 400,
        "FEEDBACK_TITLE_REQUIRED");
    problem(api.post("citizen", "/api/feedback", Map.of("dossierCode", code, "title", "t",
        "content", "x".repeat(4001))), 400, "FEEDBACK_TEXT_TOO_LONG");

    JsonNode f = write("citizen", Map.of("dossierCode", code, "title", "Chưa được tiếp nhận",
        "content", "Đã nộp ba ngày chưa thấy tiếp nhận."));
    assertThat(f.path("dossierCode").asText()).isEqualTo(code);
    assertThat(f.path("agencyCode").asText()).isEqualTo(STP);
    String url = "/api/feedback/" + f.path("id").asLong();
    JsonNode rejected = ok(api.post("clerk.stp", url + "/rejection",
        Map.of("text", "Hồ sơ đang trong thời hạn tiếp nhận.")));
    assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
    assertThat(rejected.path("answer").asText()).isEqualTo("Hồ sơ đang trong thời hạn tiếp nhận.");
    problem(api.post("citizen", url + "/reaction", Map.of("reaction", "LIKE")), 409, "FEEDBACK_NOT_ANSWERED");

    List<String> actions = new ArrayList<>();
    api.get("citizen", "/api/dossiers/" + code).body().path("history")
        .forEach(e -> actions.add(e.path("action").asText()));
    assertThat(actions).containsSubsequence("FEEDBACK_WRITTEN", "FEEDBACK_REJECTED");

    // A reason as long as feedback allows (4,000 characters) is taken whole; the dossier's history line, which keeps
    // 2,000, shortens it (a bug: the commit failed with a 500).
    JsonNode long_ = write("citizen", Map.of("dossierCode", code, "title", "Lần hai", "content", "Nội dung."));
    String reason = "Lý do dài. ".repeat(360);
    JsonNode rejectedAtLength = ok(api.post("clerk.stp", "/api/feedback/" + long_.path("id").asLong() + "/rejection",
        Map.of("text", reason)));
    assertThat(rejectedAtLength.path("answer").asText()).isEqualTo(reason.trim());
    JsonNode line = api.get("citizen", "/api/dossiers/" + code).body().path("history").findParents("action").stream()
        .filter(e -> e.path("action").asText().equals("FEEDBACK_REJECTED")).reduce((a, b) -> b).orElseThrow();
    assertThat(line.path("note").asText()).hasSize(2000).endsWith("…");
  }

  @Test
  void supervisorsSeeFeedbackOpenPastItsDeadlineOrAnsweredAfterIt() {
    // Written Monday 6 July 2026 09:00: answer due 15 working days later, Monday 27 July 2026 09:00.
    clock.set(LocalDateTime.of(2026, 7, 6, 9, 0));
    long open = aboutProcedure("citizen", "Chưa ai trả lời").path("id").asLong();
    long answeredLate = aboutProcedure("citizen", "Trả lời muộn").path("id").asLong();
    long answeredInTime = aboutProcedure("citizen", "Trả lời đúng hạn").path("id").asLong();
    long rejectedLate = aboutProcedure("citizen", "Từ chối muộn").path("id").asLong();
    assertThat(at(api.get("citizen", "/api/feedback/" + open).body(), "answerDue"))
        .isEqualTo(LocalDateTime.of(2026, 7, 27, 9, 0));
    clock.set(LocalDateTime.of(2026, 7, 8, 9, 0)); // before the reject deadline (Wednesday 8/7 09:00): in time
    ok(api.post("clerk.stp", "/api/feedback/" + answeredInTime + "/answer", Map.of("text", "Đã xử lý.")));
    clock.set(LocalDateTime.of(2026, 7, 8, 9, 1)); // a minute after it: late
    ok(api.post("clerk.stp", "/api/feedback/" + rejectedLate + "/rejection", Map.of("text", "Không thuộc thẩm quyền.")));

    clock.set(LocalDateTime.of(2026, 7, 27, 9, 0)); // the answer deadline itself: not yet overdue
    assertThat(ids(api.get("supervisor.stp", "/api/feedback/overdue?size=100").body()))
        .contains(rejectedLate).doesNotContain(open, answeredLate, answeredInTime);
    clock.set(LocalDateTime.of(2026, 7, 27, 9, 1));
    ok(api.post("clerk.stp", "/api/feedback/" + answeredLate + "/answer", Map.of("text", "Đã xử lý, muộn.")));

    JsonNode overdue = api.get("supervisor.stp", "/api/feedback/overdue?size=100").body();
    assertThat(ids(overdue)).contains(open, answeredLate, rejectedLate).doesNotContain(answeredInTime);
    assertThat(overdue.path("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(ids(api.get("supervisor.tinh", "/api/feedback/overdue?agency=" + STP + "&size=100").body()))
        .contains(open, answeredLate, rejectedLate);
    assertThat(ids(api.get("supervisor.sxd", "/api/feedback/overdue?size=100").body()))
        .doesNotContain(open, answeredLate, rejectedLate);
    problem(api.get("supervisor.stp", "/api/feedback/overdue?agency=" + SXD), 403, "FEEDBACK_SCOPE_DENIED");
    problem(api.get("clerk.stp", "/api/feedback/overdue"), 403, "ACCESS_DENIED");
    problem(api.get("citizen", "/api/feedback/overdue"), 403, "ACCESS_DENIED");
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
    return ids;
  }

  private static JsonNode ok(Api.Response r) {
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.body();
  }

  static void problem(Api.Response r, int status, String code) {
    assertThat(r.status()).as("%s", r).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text("code")).isEqualTo(code);
    assertThat(r.text("detail")).isNotBlank();
  }
}
