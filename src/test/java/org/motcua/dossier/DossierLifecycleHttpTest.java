package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Three procedures with three different time-limit units, carried from online submission to returned result over
 * real HTTP by the citizen, the clerk, the specialist and the leader. Appointment dates are computed by hand from the
 * 2025 calendar (Tết 25/1–2/2, Saturday 26/4 worked, National Day 30/8–2/9). This is the only test that works in 2025,
 * so the summaries below count exactly these three dossiers.
 */
@MotcuaTest
class DossierLifecycleHttpTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // 10 working days, Sở Tư pháp, FULL online
  private static final String CERTIFIED_COPY = "2.000815.000.00.21.H13"; // same day, phường Vị Thanh
  private static final String BUILDING_PERMIT = "1.009994.000.00.21.H13"; // 15 calendar days, phường Vị Thanh

  @Autowired
  Api api;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void threeProceduresFromSubmissionToReturnedResult() {
    Dossiers flow = new Dossiers(api);

    // A. Criminal-record certificate, received on Thursday 23 Jan 2025 09:00: 10 working days skip Tết → 13 Feb 09:00.
    clock.set(LocalDateTime.of(2025, 1, 23, 8, 0));
    String a = flow.submitComplete("citizen", CRIMINAL_RECORD);
    assertThat(a).matches("000\\.00\\.12\\.H13-250123-\\d{4}");
    JsonNode reception = flow.task("clerk.stp", a);
    assertThat(reception.path("name").asText()).isEqualTo("Tiếp nhận hồ sơ");
    assertThat(reception.path("dueAt").asText()).isEqualTo("2025-01-24T08:00"); // 8 working hours for reception
    assertThat(reception.path("decisions")).extracting(JsonNode::asText)
        .containsExactly("accept", "supplement", "refuse");
    clock.set(LocalDateTime.of(2025, 1, 23, 9, 0));
    JsonNode received = flow.decide("clerk.stp", a, "accept", null);
    assertThat(received.path("status").asInt()).isEqualTo(4);
    assertThat(received.path("receivedAt").asText()).isEqualTo("2025-01-23T09:00");
    assertThat(received.path("dueAt").asText()).isEqualTo("2025-02-13T09:00");
    clock.set(LocalDateTime.of(2025, 2, 5, 10, 0));
    flow.decide("specialist.stp", a, "forward", "Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1");
    clock.set(LocalDateTime.of(2025, 2, 12, 15, 0));
    JsonNode finished = flow.decide("leader.stp", a, "approve", null);
    // Processing finished; the 200.000 đồng fee is asked for before the result is returned (status 6).
    assertThat(finished.path("finishedAt").asText()).isEqualTo("2025-02-12T15:00");
    assertThat(finished.path("status").asInt()).isEqualTo(6);
    assertThat(finished.path("timeliness").asText()).isEqualTo("EARLY");
    clock.set(LocalDateTime.of(2025, 2, 13, 7, 30));
    flow.payAtCounter("clerk.stp", a);
    clock.set(LocalDateTime.of(2025, 2, 13, 8, 0));
    flow.uploadResult("leader.stp", a);
    JsonNode returned = flow.decide("clerk.stp", a, "return", null);
    assertThat(returned.path("status").asInt()).isEqualTo(10);
    assertThat(returned.path("statusName").asText()).isEqualTo("Đã trả kết quả");
    assertThat(returned.path("returnedAt").asText()).isEqualTo("2025-02-13T08:00");

    // B. Certified copy, same day, received Friday 25 Apr 2025 16:10 (after 15:00) → closing of the next working day,
    // which is Saturday 26 Apr (worked in exchange for Friday 2 May). Its fee is due at submission, so the dossier
    // reaches the clerk once paid; one supplement round before reception.
    clock.set(LocalDateTime.of(2025, 4, 25, 15, 30));
    String b = flow.submitComplete("citizen", CERTIFIED_COPY);
    flow.payAtCounter("clerk.vithanh", b);
    flow.decide("clerk.vithanh", b, "supplement", "Thiếu bản chính Giấy khai sinh để đối chiếu");
    JsonNode asked = api.get("citizen", "/api/dossiers/" + b).body();
    assertThat(asked.path("status").asInt()).isEqualTo(5);
    clock.set(LocalDateTime.of(2025, 4, 25, 16, 0));
    Api.Response supplied = api.post("citizen", "/api/dossiers/" + b + "/supplements",
        java.util.Map.of("note", "Đã tải lên bản chính Giấy khai sinh"));
    assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
    assertThat(supplied.body().path("status").asInt()).isEqualTo(1);
    clock.set(LocalDateTime.of(2025, 4, 25, 16, 10));
    JsonNode bReceived = flow.decide("clerk.vithanh", b, "accept", null);
    assertThat(bReceived.path("dueAt").asText()).isEqualTo("2025-04-26T17:00");
    // Each answer names the steps its action opened, as a later read does (the officer's next click needs the id).
    assertThat(supplied.body().path("currentSteps").findValuesAsText("taskKey")).containsExactly("reception");
    assertThat(bReceived.path("currentSteps").findValuesAsText("taskKey")).containsExactly("appraisal");
    assertThat(bReceived.path("currentSteps"))
        .isEqualTo(api.get("specialist.vithanh", "/api/dossiers/" + b).body().path("currentSteps"));
    clock.set(LocalDateTime.of(2025, 4, 26, 10, 0));
    flow.decide("specialist.vithanh", b, "forward", null);
    clock.set(LocalDateTime.of(2025, 4, 26, 17, 30));
    assertThat(flow.decide("leader.vithanh", b, "approve", null).path("timeliness").asText()).isEqualTo("LATE");
    clock.set(LocalDateTime.of(2025, 4, 28, 8, 0));
    flow.uploadResult("clerk.vithanh", b);
    flow.decide("clerk.vithanh", b, "return", null);

    // C. Building permit, 15 calendar days from Monday 18 Aug 2025 10:00 → Tuesday 2 Sep, a holiday → Wednesday 3 Sep.
    clock.set(LocalDateTime.of(2025, 8, 18, 9, 0));
    String c = flow.submitComplete("citizen", BUILDING_PERMIT);
    clock.set(LocalDateTime.of(2025, 8, 18, 10, 0));
    assertThat(flow.decide("clerk.vithanh", c, "accept", null).path("dueAt").asText()).isEqualTo("2025-09-03T10:00");
    clock.set(LocalDateTime.of(2025, 8, 28, 9, 0));
    flow.decide("specialist.vithanh", c, "forward", null);
    clock.set(LocalDateTime.of(2025, 8, 29, 9, 0));
    flow.decide("leader.vithanh", c, "rework", "Bổ sung ý kiến về chỉ giới xây dựng");
    clock.set(LocalDateTime.of(2025, 9, 1, 9, 0));
    flow.decide("specialist.vithanh", c, "forward", "Đã bổ sung ý kiến về chỉ giới xây dựng");
    clock.set(LocalDateTime.of(2025, 9, 3, 10, 0));
    assertThat(flow.decide("leader.vithanh", c, "approve", null).path("timeliness").asText()).isEqualTo("ON_TIME");
    clock.set(LocalDateTime.of(2025, 9, 3, 11, 0));
    flow.payAtCounter("clerk.vithanh", c);
    flow.uploadResult("specialist.vithanh", c);
    flow.decide("clerk.vithanh", c, "return", null);

    assertHistoryOfA(a);
    assertSummaries();
  }

  /** The processing-control slip: every action, who did it in which role and agency, and each step's own deadline. */
  private void assertHistoryOfA(String code) {
    JsonNode dossier = api.get("citizen", "/api/dossiers/" + code).body();
    List<JsonNode> history = StreamSupport.stream(dossier.path("history").spliterator(), false).toList();
    assertThat(history).extracting(e -> e.path("action").asText()).containsExactly(
        "SUBMITTED", "DOCUMENT_ADDED", "DOCUMENT_ADDED", "TASK_COMPLETED", "RECEIVED", "PROCESSING", "TASK_COMPLETED",
        "TASK_COMPLETED", "FINISHED", "PAYMENT_REQUESTED", "PAYMENT_SETTLED", "RESULT_DIGITIZED", "TASK_COMPLETED",
        "RETURNED");
    assertThat(history).extracting(e -> e.path("status").asInt())
        .containsExactly(1, 1, 1, 1, 2, 4, 4, 4, 9, 6, 9, 9, 9, 10);
    assertThat(dossier.path("componentsDigitized").asBoolean()).isTrue();
    assertThat(dossier.path("resultDigitized").asBoolean()).isTrue();
    history = history.subList(2, history.size());
    JsonNode accept = history.get(1);
    assertThat(accept.path("actor").asText()).isEqualTo("clerk.stp");
    assertThat(accept.path("actorRole").asText()).isEqualTo("CLERK");
    assertThat(accept.path("actorAgency").asText()).isEqualTo("000.00.12.H13");
    assertThat(accept.path("stepName").asText()).isEqualTo("Tiếp nhận hồ sơ");
    assertThat(accept.path("decision").asText()).isEqualTo("accept");
    JsonNode appraisal = history.get(4);
    assertThat(appraisal.path("step").asText()).isEqualTo("appraisal");
    assertThat(appraisal.path("actorName").asText()).isEqualTo("Trương Minh Quân");
    // 56 working hours from Thursday 23 Jan 09:00, across Tết → Monday 10 Feb 09:00.
    assertThat(appraisal.path("stepDueAt").asText()).isEqualTo("2025-02-10T09:00");
    assertThat(appraisal.path("note").asText()).isEqualTo("Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1");
    assertThat(history.get(8).path("note").asText()).contains("CASH 200000 VND");
    assertThat(history.get(10).path("actor").asText()).isEqualTo("clerk.stp");
    assertThat(dossier.path("currentSteps")).isEmpty();
  }

  private void assertSummaries() {
    JsonNode year = summary("2025-01-01", "2025-12-31", null);
    assertThat(year.path("received").asLong()).isEqualTo(3);
    assertThat(year.path("receivedOnline").asLong()).isEqualTo(3);
    assertThat(year.path("onlineRate").asDouble()).isEqualTo(1.0);
    assertThat(year.path("fullOnlineRate").asDouble()).isEqualTo(1.0);
    assertThat(year.path("finished").asLong()).isEqualTo(3);
    assertThat(year.path("finishedEarly").asLong()).isEqualTo(1);
    assertThat(year.path("finishedOnTime").asLong()).isEqualTo(1);
    assertThat(year.path("finishedLate").asLong()).isEqualTo(1);
    assertThat(year.path("inProgress").asLong()).isZero();
    assertThat(year.path("onTimeRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    // Every component uploaded and every result digitized; nothing reused; three fees, all paid at the counter.
    assertThat(year.path("componentsDigitizedRate").asDouble()).isEqualTo(1.0);
    assertThat(year.path("resultDigitizedRate").asDouble()).isEqualTo(1.0);
    assertThat(year.path("reuseRate").asDouble()).isZero();
    assertThat(year.path("feeDossiers").asLong()).isEqualTo(3);
    assertThat(year.path("paidOnline").asLong()).isZero();
    assertThat(year.path("onlinePaymentRate").asDouble()).isZero();
    assertThat(year.path("proceduresWithOnlinePaymentRate").asDouble()).isZero();

    JsonNode april = summary("2025-04-01", "2025-04-30", "000.01.21.H13");
    assertThat(april.path("received").asLong()).isEqualTo(1);
    assertThat(april.path("finishedLate").asLong()).isEqualTo(1);
    assertThat(april.path("onTimeRate").asDouble()).isZero();

    // C is still being handled at the end of August (due 3 Sep): in progress, not overdue, carried into September.
    JsonNode august = summary("2025-08-01", "2025-08-31", "000.01.21.H13");
    assertThat(august.path("received").asLong()).isEqualTo(1);
    assertThat(august.path("finished").asLong()).isZero();
    assertThat(august.path("inProgress").asLong()).isEqualTo(1);
    assertThat(august.path("inProgressOverdue").asLong()).isZero();
    assertThat(august.path("onTimeRate").asDouble()).isEqualTo(1.0);
    JsonNode september = summary("2025-09-01", "2025-09-30", "000.01.21.H13");
    assertThat(september.path("received").asLong()).isZero();
    assertThat(september.path("onlineRate").isNull()).isTrue();
    assertThat(september.path("finishedOnTime").asLong()).isEqualTo(1);

    // The department of justice sees only its own dossier.
    JsonNode justice = summary("2025-01-01", "2025-12-31", "000.00.12.H13");
    assertThat(justice.path("received").asLong()).isEqualTo(1);
    assertThat(justice.path("finishedEarly").asLong()).isEqualTo(1);
  }

  private JsonNode summary(String from, String to, String agency) {
    Api.Response response = api.get("supervisor.tinh", "/api/reports/summary?from=" + from + "&to=" + to
        + (agency == null ? "" : "&agency=" + agency));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }
}
