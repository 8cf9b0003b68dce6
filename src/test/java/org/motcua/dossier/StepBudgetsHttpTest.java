package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.atIndex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.process.ProcessContract.Variables;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Each step keeps its budget, its start, its end and the working time it took; a late dossier names the step and the
 * agency that overran, and reports attribute the lateness to that agency; a step is warned at its share of the budget
 * and escalated to its agency leader's inbox when it runs out — over real HTTP, the real engine and the real sweeper
 * driven by the test clock. Every instant is computed by hand from the office calendar (07:00–11:30, 13:30–17:00,
 * Monday–Friday; 2026: Saturday 22 August worked, 29 August–2 September off). The criminal-record certificate of Sở Tư
 * pháp: 10 working days, steps reception 8 h, appraisal 56 h (warned at half its budget, procedures.yml), approval
 * 8 h, result return 8 h. Its dossiers are the only ones of these tests' periods (August–September, October 2026).
 * The sweeps here take one dossier's steps only, so that a clock set in the past never touches the steps other tests
 * left open.
 */
@MotcuaTest
class StepBudgetsHttpTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final String STP = "000.00.12.H13"; // Sở Tư pháp
  private static final String SXD = "000.00.15.H13"; // Sở Xây dựng

  @Autowired
  Api api;
  @Autowired
  TestClock clock;
  @Autowired
  StepSweeper sweeper;
  @Autowired
  RuntimeService runtime;
  @Autowired
  org.camunda.bpm.engine.ManagementService management;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void eachStepKeepsItsBudgetAndIsWarnedThenEscalatedOnceAndTheOverrunMakesTheDossierLate() throws Exception {
    Dossiers flow = new Dossiers(api);
    // Submitted Thursday 20 August 2026 08:00: reception's 8 working hours end on Friday at 08:00.
    clock.set(LocalDateTime.of(2026, 8, 20, 8, 0));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    JsonNode reception = step(dossier(code), "reception");
    assertThat(reception.path("startedAt").asText()).isEqualTo("2026-08-20T08:00");
    assertThat(reception.path("dueAt").asText()).isEqualTo("2026-08-21T08:00");
    assertThat(reception.path("budgetMinutes").asLong()).isEqualTo(480);
    assertThat(reception.path("agencyCode").asText()).isEqualTo(STP);
    assertThat(reception.path("role").asText()).isEqualTo("CLERK");
    assertThat(reception.path("endedAt").isNull()).isTrue();

    // Received at 09:00: the dossier is due 10 working days later — Fri 21, Sat 22 (worked), 24–28 August, then after
    // National Day Thursday 3, Friday 4 and Monday 7 September — at 09:00.
    clock.set(LocalDateTime.of(2026, 8, 20, 9, 0));
    JsonNode received = flow.decide("clerk.stp", code, "accept", null);
    assertThat(received.path("dueAt").asText()).isEqualTo("2026-09-07T09:00");
    reception = step(received, "reception");
    assertThat(reception.path("endedAt").asText()).isEqualTo("2026-08-20T09:00");
    assertThat(reception.path("workedMinutes").asLong()).isEqualTo(60);
    assertThat(reception.path("kept").asBoolean()).isTrue();
    assertThat(reception.path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(reception.path("decision").asText()).isEqualTo("accept");
    // Appraisal: 56 working hours (7 days: Fri 21, Sat 22, 24–28 August) → Friday 28 August 09:00.
    JsonNode appraisal = step(received, "appraisal");
    assertThat(appraisal.path("startedAt").asText()).isEqualTo("2026-08-20T09:00");
    assertThat(appraisal.path("dueAt").asText()).isEqualTo("2026-08-28T09:00");
    assertThat(appraisal.path("budgetMinutes").asLong()).isEqualTo(56 * 60);
    assertThat(appraisal.path("role").asText()).isEqualTo("SPECIALIST");

    // Warned at half its budget, 28 working hours: 6 h on Thursday, 8 on Friday and Saturday, 6 on Monday 24 → 15:00.
    clock.set(LocalDateTime.of(2026, 8, 24, 14, 59));
    sweeper.sweep(LocalDateTime.of(2026, 8, 24, 14, 59), code);
    assertThat(actions(code)).doesNotContain("STEP_WARNED");
    clock.set(LocalDateTime.of(2026, 8, 24, 15, 0));
    assertThat(sweeper.sweep(LocalDateTime.of(2026, 8, 24, 15, 0), code).warned()).isEqualTo(1);
    assertThat(sweeper.sweep(LocalDateTime.of(2026, 8, 24, 15, 0), code)).isEqualTo(new StepSweeper.Sweep(0, 0));
    clock.set(LocalDateTime.of(2026, 8, 25, 8, 0));
    sweeper.sweep(LocalDateTime.of(2026, 8, 25, 8, 0), code);
    assertThat(actions(code)).containsOnlyOnce("STEP_WARNED").doesNotContain("STEP_ESCALATED");
    JsonNode warned = history(code, "STEP_WARNED");
    assertThat(warned.path("at").asText()).isEqualTo("2026-08-24T15:00");
    assertThat(warned.path("step").asText()).isEqualTo("appraisal");
    assertThat(warned.path("stepDueAt").asText()).isEqualTo("2026-08-28T09:00");
    assertThat(step(dossier(code), "appraisal").path("warnedAt").asText()).isEqualTo("2026-08-24T15:00");

    // Not escalated at its due instant, only once it has passed; then once, however often the sweep runs.
    clock.set(LocalDateTime.of(2026, 8, 28, 9, 0));
    sweeper.sweep(LocalDateTime.of(2026, 8, 28, 9, 0), code);
    assertThat(actions(code)).doesNotContain("STEP_ESCALATED");
    assertThat(inboxHas("leader.stp", code)).isFalse();
    clock.set(LocalDateTime.of(2026, 8, 28, 9, 1));
    assertThat(sweeper.sweep(LocalDateTime.of(2026, 8, 28, 9, 1), code).escalated()).isEqualTo(1);
    assertThat(sweeper.sweep(LocalDateTime.of(2026, 8, 28, 9, 1), code).escalated()).isZero();
    sweeper.sweep(LocalDateTime.of(2026, 8, 28, 10, 0), code);
    assertThat(actions(code)).containsOnlyOnce("STEP_ESCALATED").containsOnlyOnce("STEP_WARNED");
    JsonNode escalated = history(code, "STEP_ESCALATED");
    assertThat(escalated.path("at").asText()).isEqualTo("2026-08-28T09:01");
    assertThat(escalated.path("note").asText()).endsWith("LEADER@" + STP);

    // The leader of Sở Tư pháp finds it in their inbox (HTTP), as a specialist's step; another agency's leader not.
    JsonNode inLeaderInbox = flow.task("leader.stp", code);
    assertThat(inLeaderInbox.path("taskKey").asText()).isEqualTo("appraisal");
    assertThat(inLeaderInbox.path("role").asText()).isEqualTo("SPECIALIST");
    assertThat(inLeaderInbox.path("agencyCode").asText()).isEqualTo(STP);
    assertThat(inLeaderInbox.path("escalated").asBoolean()).isTrue();
    assertThat(page("leader.stp", "/officer/inbox")).contains("Đã chuyển lãnh đạo");
    assertThat(inboxHas("leader.sxd", code)).isFalse();
    // The specialist still has it in their own inbox.
    assertThat(flow.task("specialist.stp", code).path("id").asText()).isEqualTo(inLeaderInbox.path("id").asText());
    appraisal = step(dossier(code), "appraisal");
    assertThat(appraisal.path("escalatedAt").asText()).isEqualTo("2026-08-28T09:01");
    assertThat(appraisal.path("escalatedTo").asText()).isEqualTo("LEADER@" + STP);

    // Thursday 3 September 08:00, after National Day: the step is overrunning by 6 working hours on Friday 28 and
    // 1 on Thursday, and its agency's supervisor (and the province's) sees it; Sở Xây dựng's supervisor does not.
    clock.set(LocalDateTime.of(2026, 9, 3, 8, 0));
    String taskId = inLeaderInbox.path("id").asText();
    JsonNode overrunning = overrunStep("supervisor.stp", "", taskId);
    assertThat(overrunning).as("supervisor.stp sees the overrunning step").isNotNull();
    assertThat(overrunning.path("dossierCode").asText()).isEqualTo(code);
    assertThat(overrunning.path("agencyCode").asText()).isEqualTo(STP);
    assertThat(overrunning.path("dueAt").asText()).isEqualTo("2026-08-28T09:00");
    assertThat(overrunning.path("overrunMinutes").asLong()).isEqualTo(7 * 60);
    assertThat(overrunning.path("escalatedAt").asText()).isEqualTo("2026-08-28T09:01");
    assertThat(overrunStep("supervisor.tinh", "?agency=" + STP, taskId)).isNotNull();
    assertThat(overrunStep("supervisor.sxd", "", taskId)).isNull();
    assertThat(api.get("supervisor.sxd", "/api/reports/overrunning-steps?agency=" + STP).status()).isEqualTo(403);
    assertThat(api.get("citizen", "/api/reports/overrunning-steps").status()).isEqualTo(403);
    assertThat(api.get("clerk.stp", "/api/reports/overrunning-steps").status()).isEqualTo(403);
    assertThat(page("supervisor.stp", "/supervisor/overrunning-steps")).contains(code, "Thẩm định hồ sơ");
    assertThat(page("supervisor.sxd", "/supervisor/overrunning-steps")).doesNotContain(code);

    // The specialist forwards on Monday 7 September 10:00: 6 h on 20 August, 8 on each of the 8 working days to
    // 4 September, 3 on Monday = 81 working hours against 56: overran. Approval (8 h, due Tuesday 10:00) is kept.
    clock.set(LocalDateTime.of(2026, 9, 7, 10, 0));
    JsonNode forwarded = flow.decide("specialist.stp", code, "forward", null);
    appraisal = step(forwarded, "appraisal");
    assertThat(appraisal.path("endedAt").asText()).isEqualTo("2026-09-07T10:00");
    assertThat(appraisal.path("workedMinutes").asLong()).isEqualTo(81 * 60);
    assertThat(appraisal.path("kept").asBoolean()).isFalse();
    assertThat(appraisal.path("overran").asBoolean()).isTrue();
    assertThat(step(forwarded, "approval").path("dueAt").asText()).isEqualTo("2026-09-08T10:00");
    assertThat(forwarded.path("lateCausedBy")).isEmpty(); // not late yet: it has not finished
    clock.set(LocalDateTime.of(2026, 9, 7, 11, 0));
    JsonNode finished = flow.decide("leader.stp", code, "approve", null);
    assertThat(finished.path("timeliness").asText()).isEqualTo("LATE");
    JsonNode approval = step(finished, "approval");
    assertThat(approval.path("workedMinutes").asLong()).isEqualTo(60);
    assertThat(approval.path("kept").asBoolean()).isTrue();
    assertThat(finished.path("lateCausedBy")).extracting(JsonNode::asText).containsExactly(STP);
    assertThat(finished.path("overrunSteps")).extracting(s -> s.path("taskKey").asText()).containsExactly("appraisal");
    // The officer's dossier page names the cause and judges each step.
    assertThat(page("clerk.stp", "/officer/dossiers/" + code)).contains("Hồ sơ trễ hạn do: Sở Tư pháp",
        "data-step=\"appraisal\" data-kept=\"false\"", "data-step=\"reception\" data-kept=\"true\"");

    // The control slip judges each step against its own deadline and says how long it took.
    Api.Response slip = api.get("clerk.stp", "/api/dossiers/" + code + "/forms/control-slip");
    assertThat(slip.status()).isEqualTo(200);
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(slip.raw())) {
      String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf),
          java.text.Normalizer.Form.NFC).replaceAll("\\s+", " ");
      assertThat(text).contains("thời gian xử lý 81 giờ 0 phút", "thời gian xử lý 1 giờ 0 phút", "Quá hạn",
          "Đúng hạn");
    }

    // The summary: finished late, and late because of Sở Tư pháp; not because of Sở Xây dựng.
    JsonNode stp = api.get("supervisor.stp", "/api/reports/summary?from=2026-08-01&to=2026-09-30").body();
    assertThat(stp.path("finishedLate").asLong()).isEqualTo(1);
    assertThat(stp.path("lateCausedBy").asLong()).isEqualTo(1);
    JsonNode sxd = api.get("supervisor.sxd", "/api/reports/summary?from=2026-08-01&to=2026-09-30").body();
    assertThat(sxd.path("lateCausedBy").asLong()).isZero();
  }

  @Test
  void interAgencyLatenessIsAttributedToTheAgencyWhoseStepOverran() throws Exception {
    Dossiers flow = new Dossiers(api);
    // Received by Sở Tư pháp on Monday 5 October 2026 09:00 (due Monday 19 October 09:00); its appraisal is handed to
    // Sở Xây dựng, as an inter-agency model does by setting the stage's agency before the step opens, and handed back.
    clock.set(LocalDateTime.of(2026, 10, 5, 8, 0));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    // The intake runs as a called process whose variables come back to the model when it ends.
    String intake = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(org.motcua.process.ProcessContract.Parts.INTAKE).singleResult().getId();
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(org.motcua.process.ProcessContract.STANDARD_PROCESS).singleResult().getId();
    runtime.setVariable(intake, Variables.AGENCY_CODE, SXD);
    clock.set(LocalDateTime.of(2026, 10, 5, 9, 0));
    JsonNode received = flow.decide("clerk.stp", code, "accept", null);
    assertThat(received.path("agencyCode").asText()).isEqualTo(STP);
    assertThat(received.path("dueAt").asText()).isEqualTo("2026-10-19T09:00");
    runtime.setVariable(instance, Variables.AGENCY_CODE, STP);
    JsonNode appraisal = step(received, "appraisal");
    assertThat(appraisal.path("agencyCode").asText()).isEqualTo(SXD);
    assertThat(appraisal.path("dueAt").asText()).isEqualTo("2026-10-14T09:00");

    // A working day before the appointment (Friday 16 October 09:00) the due-soon timer opens Sở Tư pháp's delay
    // review, due at the appointment itself: a side task, done late without making Sở Tư pháp the cause.
    clock.set(LocalDateTime.of(2026, 10, 16, 9, 0));
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("dueSoonStart")
        .singleResult().getId());
    JsonNode review = step(dossier(code), "delayReview");
    assertThat(review.path("agencyCode").asText()).isEqualTo(STP);
    assertThat(review.path("dueAt").asText()).isEqualTo("2026-10-19T09:00");

    // Sở Xây dựng's specialist forwards on Monday 19 October 10:00, three working days late; Sở Tư pháp's leader
    // signs within the hour: the dossier is late, because of Sở Xây dựng.
    clock.set(LocalDateTime.of(2026, 10, 19, 10, 0));
    flow.decide("specialist.sxd", code, "forward", null);
    clock.set(LocalDateTime.of(2026, 10, 19, 10, 30));
    flow.decide("clerk.stp", code, "on_track", null);
    clock.set(LocalDateTime.of(2026, 10, 19, 11, 0));
    JsonNode finished = flow.decide("leader.stp", code, "approve", null);
    assertThat(finished.path("timeliness").asText()).isEqualTo("LATE");
    assertThat(finished.path("lateCausedBy")).extracting(JsonNode::asText).containsExactly(SXD);
    assertThat(step(finished, "reception").path("kept").asBoolean()).isTrue();
    assertThat(step(finished, "approval").path("kept").asBoolean()).isTrue();
    assertThat(step(finished, "appraisal").path("workedMinutes").asLong()).isEqualTo(6 * 60 + 9 * 480 + 3 * 60);
    // The review was done after its deadline, yet it is not a cause.
    review = step(finished, "delayReview");
    assertThat(review.path("endedAt").asText()).isEqualTo("2026-10-19T10:30");
    assertThat(review.path("overran").asBoolean()).isTrue();
    assertThat(finished.path("overrunSteps")).extracting(s -> s.path("taskKey").asText()).containsExactly("appraisal");

    String period = "from=2026-10-01&to=2026-10-31";
    // Sở Xây dựng received nothing, yet answers for this dossier's lateness; Sở Tư pháp received it late, not by it.
    JsonNode sxd = api.get("supervisor.sxd", "/api/reports/summary?" + period).body();
    assertThat(sxd.path("finishedLate").asLong()).isZero();
    assertThat(sxd.path("lateCausedBy").asLong()).isEqualTo(1);
    JsonNode stp = api.get("supervisor.stp", "/api/reports/summary?" + period).body();
    assertThat(stp.path("finishedLate").asLong()).isEqualTo(1);
    assertThat(stp.path("lateCausedBy").asLong()).isZero();
    JsonNode province = api.get("supervisor.tinh", "/api/reports/summary?" + period).body();
    assertThat(province.path("finishedLate").asLong()).isEqualTo(1);
    assertThat(province.path("lateCausedBy").asLong()).isEqualTo(1);

    // By agency, in the province: the row of Sở Xây dựng carries the lateness, that of Sở Tư pháp the late dossier.
    JsonNode breakdown = api.get("supervisor.tinh", "/api/reports/breakdown?by=agency&" + period).body();
    JsonNode sxdRow = row(breakdown, SXD);
    JsonNode stpRow = row(breakdown, STP);
    assertThat(sxdRow.path("lateCausedBy").asLong()).isEqualTo(1);
    assertThat(sxdRow.path("finishedLate").asLong()).isZero();
    assertThat(stpRow.path("lateCausedBy").asLong()).isZero();
    assertThat(stpRow.path("finishedLate").asLong()).isEqualTo(1);
    assertThat(breakdown.path("total").path("lateCausedBy").asLong()).isEqualTo(1);
    // Other groupings do not attribute by agency.
    JsonNode byProcedure = api.get("supervisor.tinh", "/api/reports/breakdown?by=procedure&" + period).body();
    assertThat(byProcedure.path("rows").get(0).path("lateCausedBy").isNull()).isTrue();

    // The exports carry the column, with the JSON's numbers.
    Api.Response csv = api.exchange(HttpMethod.GET, "/api/reports/breakdown?by=agency&format=csv&" + period,
        basic("supervisor.tinh"), null);
    List<String> lines = new String(csv.raw(), StandardCharsets.UTF_8).lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header).contains("Từ chối giải quyết", "Trễ hạn do cơ quan này");
    int lateCausedBy = header.indexOf("Trễ hạn do cơ quan này");
    assertThat(lines).anySatisfy(l -> assertThat(l.split(",")).startsWith(SXD).contains("1", atIndex(lateCausedBy)));
    assertThat(lines).anySatisfy(l -> assertThat(l.split(",")).startsWith(STP).contains("0", atIndex(lateCausedBy)));
    Api.Response xlsx = api.exchange(HttpMethod.GET, "/api/reports/summary?format=xlsx&" + period,
        basic("supervisor.sxd"), null);
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.raw()))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(4).getCell(17).getStringCellValue()).isEqualTo("Trễ hạn do cơ quan này");
      assertThat(sheet.getRow(7).getCell(17).getNumericCellValue()).isEqualTo(1);
    }
    // The supervisor's dashboard shows it.
    assertThat(page("supervisor.sxd", "/supervisor/dashboard?from=2026-10-01&to=2026-10-31"))
        .contains("Trễ hạn do cơ quan này", "id=\"kpi-lateCausedBy\">1<");
  }

  @Test
  void twoNodesSweepingAtOnceWarnAndEscalateEachStepOnce() throws Exception {
    Dossiers flow = new Dossiers(api);
    // Received Wednesday 7 October 2026 09:00: appraisal warned Monday 12 at 15:00, due Friday 16 at 09:00.
    clock.set(LocalDateTime.of(2026, 10, 7, 8, 0));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    clock.set(LocalDateTime.of(2026, 10, 7, 9, 0));
    JsonNode appraisal = step(flow.decide("clerk.stp", code, "accept", null), "appraisal");
    assertThat(appraisal.path("dueAt").asText()).isEqualTo("2026-10-16T09:00");

    // Both nodes sweep at the same instant, when the step is due for its warning and its escalation alike.
    LocalDateTime now = LocalDateTime.of(2026, 10, 16, 10, 0);
    clock.set(now);
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<StepSweeper.Sweep>> sweeps = nodes.invokeAll(List.of(
          () -> {
            together.await();
            return sweeper.sweep(now, code);
          },
          () -> {
            together.await();
            return sweeper.sweep(now, code);
          }));
      int warned = 0;
      int escalated = 0;
      for (var sweep : sweeps) {
        warned += sweep.get().warned();
        escalated += sweep.get().escalated();
      }
      assertThat(warned).as("warnings taken by both nodes together").isEqualTo(1);
      assertThat(escalated).as("escalations taken by both nodes together").isEqualTo(1);
    } finally {
      nodes.shutdown();
    }
    assertThat(actions(code)).containsOnlyOnce("STEP_WARNED").containsOnlyOnce("STEP_ESCALATED");
    appraisal = step(dossier(code), "appraisal");
    assertThat(appraisal.path("warnedAt").asText()).isEqualTo("2026-10-16T10:00");
    assertThat(appraisal.path("escalatedAt").asText()).isEqualTo("2026-10-16T10:00");
    assertThat(new org.motcua.support.Dossiers(api).inboxCodes("leader.stp"))
        .containsOnlyOnce(code);
  }

  @Test
  void aStepDeletedByAWithdrawalEndsCancelled() {
    Dossiers flow = new Dossiers(api);
    clock.set(LocalDateTime.of(2026, 10, 6, 8, 0));
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    clock.set(LocalDateTime.of(2026, 10, 6, 9, 0));
    flow.decide("clerk.stp", code, "accept", null);
    clock.set(LocalDateTime.of(2026, 10, 6, 10, 0));
    Api.Response asked = api.post("citizen", "/api/dossiers/" + code + "/withdrawal",
        Map.of("reason", "Không còn nhu cầu"));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
    clock.set(LocalDateTime.of(2026, 10, 6, 14, 0));
    JsonNode withdrawn = flow.decide("clerk.stp", code, "confirm", null);
    assertThat(withdrawn.path("status").asInt()).isEqualTo(8);
    JsonNode appraisal = step(dossier(code), "appraisal");
    assertThat(appraisal.path("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(appraisal.path("endedAt").asText()).isEqualTo("2026-10-06T14:00");
    // 09:00–11:30 and 13:30–14:00.
    assertThat(appraisal.path("workedMinutes").asLong()).isEqualTo(180);
    JsonNode review = step(dossier(code), "withdrawalReview");
    assertThat(review.path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(review.path("decision").asText()).isEqualTo("confirm");
    assertThat(review.path("agencyCode").asText()).isEqualTo(STP);
  }

  private JsonNode dossier(String code) {
    Api.Response response = api.get("clerk.stp", "/api/dossiers/" + code);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  /** The (last) step record of this task in the dossier view. */
  private static JsonNode step(JsonNode dossier, String taskKey) {
    return StreamSupport.stream(dossier.path("steps").spliterator(), false)
        .filter(s -> s.path("taskKey").asText().equals(taskKey))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no step " + taskKey + " in " + dossier.path("steps")));
  }

  private List<String> actions(String code) {
    return dossier(code).path("history").findValuesAsText("action");
  }

  private JsonNode history(String code, String action) {
    return StreamSupport.stream(dossier(code).path("history").spliterator(), false)
        .filter(e -> e.path("action").asText().equals(action)).findFirst().orElseThrow();
  }

  private boolean inboxHas(String officer, String code) {
    return new org.motcua.support.Dossiers(api).inboxCodes(officer)
        .contains(code);
  }

  /** The task among the steps overrunning now that the supervisor reads, or null. */
  private JsonNode overrunStep(String supervisor, String query, String taskId) {
    Api.Response response = api.get(supervisor, "/api/reports/overrunning-steps" + query);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return StreamSupport.stream(response.body().path("steps").spliterator(), false)
        .filter(s -> s.path("taskId").asText().equals(taskId)).findFirst().orElse(null);
  }

  private static JsonNode row(JsonNode breakdown, String key) {
    return StreamSupport.stream(breakdown.path("rows").spliterator(), false)
        .filter(r -> r.path("key").asText().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + " in " + breakdown));
  }

  private String page(String user, String path) {
    HttpHeaders headers = basic(user);
    headers.set(HttpHeaders.ACCEPT, "text/html");
    Api.Response response = api.exchange(HttpMethod.GET, path, headers, null);
    assertThat(response.status()).as("%s %s", user, path).isEqualTo(200);
    return new String(response.raw(), StandardCharsets.UTF_8);
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, Api.basic(user, "demo"));
    return headers;
  }
}
