package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inter-agency procedures (liên thông) over real HTTP, each officer signed in as themselves, on the real engine and
 * the working calendar (office hours 07:00–11:30, 13:30–17:00; June 2026 has no holiday):
 * <ul>
 *   <li>the child's birth registration at phường Vị Thanh, then permanent residence at its police, then the
 *       health-insurance card at the social insurance: each stage's deadline is its steps' budgets from the hand-over,
 *       the applicant's appointment never moves, the police read the dossier only once it reached them; the police
 *       appraisal overruns, is escalated to the police leader's inbox, and the reports attribute the lateness to
 *       the police;</li>
 *   <li>a land transfer whose tax notice the applicant takes two working days to pay: that time is not counted, the
 *       appointment moves by it.</li>
 * </ul>
 */
@MotcuaTest
class InterAgencyHttpTest {

  private static final String BIRTH_CHAIN = "9.900001.000.01.21.H13";
  private static final String LAND = "1.013831.000.00.16.H13";
  private static final String POLICE = "000.01.41.H13";
  private static final String SOCIAL_INSURANCE = "000.00.42.H13";
  private static final String TAX = "000.00.43.H13";

  @Autowired
  Api api;
  @Autowired
  TestClock clock;
  @Autowired
  StepSweeper sweeper;

  private Dossiers flow;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aBirthIsRegisteredThenResidenceThenHealthInsuranceEachAgencyOnItsOwnClock() {
    flow = new Dossiers(api);
    // Monday 1 June 2026, 08:00: submitted online and received at once; 3 working days → Thursday 4 June 08:00.
    at(2026, 6, 1, 8, 0);
    String code = flow.submitComplete("citizen", BIRTH_CHAIN);
    assertThat(api.get("clerk.cavithanh", "/api/dossiers/" + code).status())
        .as("the police do not see a dossier that has not reached them").isEqualTo(404);
    JsonNode received = flow.decide("clerk.vithanh", code, "accept", null);
    String appointment = "2026-06-04T08:00";
    assertThat(received.path("dueAt").asText()).isEqualTo(appointment);

    // Stage 1, the ward's civil status: 8 working hours from 08:00 → Tuesday 08:00.
    assertStage(received, 1, "000.01.21.H13", "Đăng ký khai sinh", "2026-06-02T08:00");
    assertThat(flow.task("clerk.vithanh", code).path("taskKey").asText()).isEqualTo("stageReception");
    assertThat(flow.task("clerk.vithanh", code).path("dueAt").asText()).isEqualTo("2026-06-01T09:00");
    at(2026, 6, 1, 8, 30);
    flow.decide("clerk.vithanh", code, "take_over", null);
    at(2026, 6, 1, 10, 0);
    flow.decide("specialist.vithanh", code, "forward", null);
    at(2026, 6, 1, 11, 0);
    // The stage's leader signs only once its result (the birth certificate) is attached for the next agency.
    Api.Response early = approve("leader.vithanh", code);
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.text("code")).isEqualTo("STAGE_RESULT_MISSING");
    assertThat(attach("clerk.cavithanh", code).status()).as("not the police's stage yet").isEqualTo(404);
    assertThat(attach("specialist.vithanh", code).status()).isEqualTo(201);
    JsonNode handedOver = flow.decide("leader.vithanh", code, "approve", null);

    // Stage 2, the ward's police: 7 working hours from Monday 11:00 → Tuesday 10:00; the appointment stays.
    assertStage(handedOver, 2, POLICE, "Đăng ký thường trú", "2026-06-02T10:00");
    assertThat(handedOver.path("dueAt").asText()).isEqualTo(appointment);
    assertThat(api.get("clerk.cavithanh", "/api/dossiers/" + code).status()).isEqualTo(200);
    JsonNode wardResult = StreamSupport.stream(api.get("clerk.cavithanh", "/api/dossiers/" + code + "/documents")
        .body().spliterator(), false).filter(d -> d.path("kind").asText().equals("STAGE")).findFirst().orElseThrow();
    assertThat(api.get("clerk.cavithanh", "/api/documents/" + wardResult.path("id").asText() + "/content").status())
        .as("the ward's result is handed to the police").isEqualTo(200);
    assertThat(attach("clerk.vithanh", code).status()).as("the ward's stage is over").isEqualTo(403);
    assertThat(api.get("clerk.bhxh", "/api/dossiers/" + code).status()).as("not yet at the social insurance")
        .isEqualTo(404);
    assertThat(api.get("supervisor.bhxh", "/api/dossiers/" + code).status()).isEqualTo(404);
    assertThat(api.get("supervisor.cavithanh", "/api/dossiers/" + code).status())
        .as("the police's supervisor follows the stages of their agency").isEqualTo(200);
    JsonNode policeTask = flow.task("clerk.cavithanh", code);
    assertThat(policeTask.path("taskKey").asText()).isEqualTo("stageReception");
    assertThat(policeTask.path("agencyCode").asText()).isEqualTo(POLICE);
    assertThat(policeTask.path("dueAt").asText()).isEqualTo("2026-06-01T14:00");
    assertThat(inbox("clerk.vithanh")).as("the ward's clerk has nothing left to do on it").doesNotContain(code);
    at(2026, 6, 1, 13, 30);
    flow.decide("clerk.cavithanh", code, "take_over", null);
    // The police specialist's 4 hours run out on Tuesday 07:30; they forward only on Thursday 09:00.
    JsonNode appraisal = flow.task("specialist.cavithanh", code);
    assertThat(appraisal.path("dueAt").asText()).isEqualTo("2026-06-02T07:30");
    // At half its budget (the stage step's own warnShare, 0.5: Monday 15:30) the step is warned; once it has run
    // out, escalated to the police leader's inbox, once however often the sweep runs; another agency's leader
    // never sees it.
    sweeper.sweep(LocalDateTime.of(2026, 6, 1, 15, 29), code);
    assertThat(actions(api.get("citizen", "/api/dossiers/" + code).body())).doesNotContain("STEP_WARNED");
    assertThat(flow.task("specialist.cavithanh", code).path("warned").asBoolean()).isFalse();
    sweeper.sweep(LocalDateTime.of(2026, 6, 1, 15, 30), code);
    JsonNode warned = flow.task("specialist.cavithanh", code);
    assertThat(warned.path("warned").asBoolean()).as("the specialist's inbox flags the warned step").isTrue();
    assertThat(warned.path("escalated").asBoolean()).isFalse();
    assertThat(inbox("leader.cavithanh")).doesNotContain(code);
    sweeper.sweep(LocalDateTime.of(2026, 6, 2, 9, 0), code);
    sweeper.sweep(LocalDateTime.of(2026, 6, 2, 9, 5), code);
    JsonNode escalated = flow.task("leader.cavithanh", code);
    assertThat(escalated.path("id").asText()).isEqualTo(appraisal.path("id").asText());
    assertThat(escalated.path("taskKey").asText()).isEqualTo("stageAppraisal");
    assertThat(escalated.path("escalated").asBoolean()).isTrue();
    assertThat(inbox("leader.vithanh") + inbox("leader.bhxh")).doesNotContain(appraisal.path("id").asText());
    List<String> lines = actions(api.get("citizen", "/api/dossiers/" + code).body());
    assertThat(lines.stream().filter("STEP_WARNED"::equals)).hasSize(1);
    assertThat(lines.stream().filter("STEP_ESCALATED"::equals)).hasSize(1);
    at(2026, 6, 4, 9, 0);
    flow.decide("specialist.cavithanh", code, "forward", null);
    at(2026, 6, 4, 10, 0);
    attach("specialist.cavithanh", code);
    JsonNode toInsurance = flow.decide("leader.cavithanh", code, "approve", null);

    // Stage 3, the social insurance: 6 working hours from Thursday 10:00 → Friday 08:00.
    assertStage(toInsurance, 3, SOCIAL_INSURANCE, "Cấp thẻ bảo hiểm y tế", "2026-06-05T08:00");
    assertThat(toInsurance.path("dueAt").asText()).isEqualTo(appointment);
    assertThat(api.get("clerk.cavithanh", "/api/dossiers/" + code).status())
        .as("the police still read the dossier after their stage").isEqualTo(200);
    assertThat(inbox("clerk.cavithanh") + inbox("specialist.cavithanh") + inbox("leader.cavithanh"))
        .as("but have no task on it any more").doesNotContain(code);
    at(2026, 6, 4, 10, 30);
    flow.decide("clerk.bhxh", code, "take_over", null);
    at(2026, 6, 4, 14, 0);
    flow.decide("specialist.bhxh", code, "forward", null);
    at(2026, 6, 4, 15, 0);
    attach("specialist.bhxh", code);
    JsonNode finished = flow.decide("leader.bhxh", code, "approve", null);
    assertThat(finished.path("status").asInt()).isEqualTo(9);
    assertThat(finished.path("timeliness").asText()).isEqualTo("LATE");

    // The ward's one-stop shop returns the result: one dossier, one appointment, for the citizen.
    flow.uploadResult("clerk.vithanh", code);
    at(2026, 6, 4, 16, 0);
    JsonNode returned = flow.decide("clerk.vithanh", code, "return", null);
    assertThat(returned.path("status").asInt()).isEqualTo(10);
    JsonNode seen = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(seen.path("dueAt").asText()).isEqualTo(appointment);
    // Late because of the police: their appraisal overran (8 working hours of its 4 plus Wednesday and Thursday
    // morning); every other step kept its own deadline.
    assertThat(seen.path("lateCausedBy")).extracting(JsonNode::asText).containsExactly(POLICE);
    List<JsonNode> overran = StreamSupport.stream(seen.path("steps").spliterator(), false)
        .filter(step -> step.path("overran").asBoolean()).toList();
    assertThat(overran).extracting(step -> step.path("taskKey").asText() + "@" + step.path("agencyCode").asText())
        .containsExactly("stageAppraisal@" + POLICE);
    // The reports attribute the lateness to the police, who did not receive the dossier, not to the ward, which did.
    String june = "/api/reports/summary?from=2026-06-01&to=2026-06-30";
    JsonNode police = api.get("supervisor.cavithanh", june).body();
    assertThat(police.path("received").asLong()).isZero();
    assertThat(police.path("lateCausedBy").asLong()).isEqualTo(1);
    JsonNode ward = api.get("supervisor.vithanh", june).body();
    assertThat(ward.path("finishedLate").asLong()).isPositive();
    assertThat(ward.path("lateCausedBy").asLong()).isZero();
    assertThat(actions(seen)).containsSubsequence("RECEIVED", "STAGE_STARTED", "STAGE_COMPLETED", "STAGE_STARTED",
        "STAGE_COMPLETED", "STAGE_STARTED", "STAGE_COMPLETED", "FINISHED", "RETURNED");
  }

  @Test
  void theTimeTheApplicantTakesToPayTheTaxNoticeIsNotCounted() {
    flow = new Dossiers(api);
    // Monday 1 June 2026, 08:00: a land transfer with a financial obligation; 5 working days → Monday 8 June 08:00.
    at(2026, 6, 1, 8, 0);
    Map<String, Object> submission = new HashMap<>(Dossiers.submission(LAND));
    submission.put("caseCode", "CO_NGHIA_VU");
    Api.Response submitted = api.post("citizen", "/api/dossiers", submission);
    assertThat(submitted.status()).as("%s", submitted).isEqualTo(201);
    String code = submitted.text("code");
    flow.uploadComponents("citizen", code, LAND);
    JsonNode received = flow.decide("clerk.vpdk", code, "accept", null);
    assertThat(received.path("dueAt").asText()).isEqualTo("2026-06-08T08:00");
    flow.decide("clerk.vpdk", code, "take_over", null);
    flow.decide("specialist.vpdk", code, "forward", null);
    at(2026, 6, 1, 10, 0);
    attach("specialist.vpdk", code);
    JsonNode toTax = flow.decide("leader.vpdk", code, "approve", null);
    assertStage(toTax, 2, TAX, "Xác định và thông báo nghĩa vụ tài chính", "2026-06-02T10:00");

    flow.decide("clerk.thue", code, "take_over", null);
    flow.decide("specialist.thue", code, "forward", null);
    at(2026, 6, 1, 15, 0);
    attach("specialist.thue", code); // the tax notice
    JsonNode notice = flow.decide("leader.thue", code, "approve", null);
    assertThat(notice.path("status").asInt()).as("status 6: financial obligation").isEqualTo(6);
    assertThat(notice.path("allows").path("awaitsPayment").asBoolean())
        .as("not a fee of this system: no online payment offered").isFalse();
    assertThat(inbox("clerk.vpdk") + inbox("clerk.thue")).as("nobody's task while the applicant pays")
        .doesNotContain(code);

    // Nobody else may declare it paid; the applicant does, with the receipt, two working days later.
    assertThat(api.post("citizen2", "/api/dossiers/" + code + "/financial-obligation",
        Map.of("receipt", "x")).status()).isEqualTo(404);
    assertThat(api.post("clerk.thue", "/api/dossiers/" + code + "/financial-obligation",
        Map.of("receipt", "x")).status()).as("the tax office reads it but is not its one-stop shop").isEqualTo(403);
    assertThat(api.post("citizen", "/api/dossiers/" + code + "/financial-obligation", Map.of("receipt", " "))
        .status()).isEqualTo(400);
    at(2026, 6, 3, 15, 0);
    Api.Response paid = api.post("citizen", "/api/dossiers/" + code + "/financial-obligation",
        Map.of("receipt", "Chứng từ nộp thuế số 0012345"));
    assertThat(paid.status()).as("%s", paid).isEqualTo(200);
    assertThat(paid.body().path("dueAt").asText()).as("Monday 8 June 08:00 + 16 working hours paused")
        .isEqualTo("2026-06-10T08:00");
    assertThat(paid.body().path("status").asInt()).isEqualTo(4);
    assertStage(paid.body(), 3, "000.20.16.H13", "Chỉnh lý, cập nhật biến động và xác nhận trên Giấy chứng nhận",
        "2026-06-04T09:00");
    assertThat(actions(paid.body())).containsSubsequence("OBLIGATION_NOTIFIED", "OBLIGATION_FULFILLED",
        "STAGE_COMPLETED", "STAGE_STARTED");
    Api.Response again = api.post("citizen", "/api/dossiers/" + code + "/financial-obligation",
        Map.of("receipt", "Chứng từ nộp thuế số 0012345"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("code")).isEqualTo("NO_OBLIGATION_PENDING");
    assertThat(flow.task("clerk.vpdk", code).path("taskKey").asText()).isEqualTo("stageReception");
  }

  /** An officer of the stage's agency attaches the stage's result. */
  private Api.Response attach(String officer, String code) {
    return api.upload(officer, "/api/dossiers/" + code + "/stage-result",
        Map.of("file", new Api.FilePart("ket-qua-giai-doan.pdf", Api.pdf("Kết quả giai đoạn " + code))));
  }

  private Api.Response approve(String leader, String code) {
    String taskId = flow.task(leader, code).path("id").asText();
    return api.post(leader, "/api/tasks/" + taskId + "/complete", Map.of("decision", "approve"));
  }

  private void at(int year, int month, int day, int hour, int minute) {
    clock.set(LocalDateTime.of(year, month, day, hour, minute));
  }

  private static void assertStage(JsonNode dossier, int number, String agency, String name, String dueAt) {
    assertThat(dossier.path("stageNumber").asInt()).as("stage of %s", dossier.path("code")).isEqualTo(number);
    assertThat(dossier.path("stageCount").asInt()).isEqualTo(3);
    assertThat(dossier.path("stageAgencyCode").asText()).isEqualTo(agency);
    assertThat(dossier.path("stageName").asText()).isEqualTo(name);
    assertThat(dossier.path("stageDueAt").asText()).as("stage %d due", number).isEqualTo(dueAt);
  }

  private String inbox(String officer) {
    return api.get(officer, "/api/tasks?size=200").body().toString();
  }

  private static List<String> actions(JsonNode dossier) {
    return StreamSupport.stream(dossier.path("history").spliterator(), false)
        .map(line -> line.path("action").asText()).toList();
  }
}
