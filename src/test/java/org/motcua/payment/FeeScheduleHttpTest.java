package org.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fee schedules over real HTTP: a fee counted per page and copy and due at submission, paid online before the clerk
 * sees the dossier; taken by the clerk in the counter intake itself, or waived there; an unpaid one stopping the
 * dossier before reception; and declared quantities the schedule does not allow.
 */
@MotcuaTest
class FeeScheduleHttpTest {

  private static final String CERTIFIED_COPY = "2.000815.000.00.21.H13"; // per page, capped per copy, at submission
  private static final String SIGNATURE = "2.000884.000.00.21.H13"; // 10.000 đồng, at the counter only
  private static final String MARITAL_STATUS = "1.004873.000.00.21.H13"; // 3.000 đồng, exemptions, online
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // due before the result

  @Autowired
  Api api;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  private Dossiers flow;

  @BeforeEach
  void setUp() {
    flow = new Dossiers(api);
  }

  @Test
  void aFeeDueAtSubmissionIsPaidOnlineBeforeTheDossierReachesTheClerk() {
    Map<String, Object> submission = new HashMap<>(Dossiers.submission(CERTIFIED_COPY));
    submission.put("feeQuantities", Map.of("pages", 5, "copies", 2));
    Api.Response submitted = api.post("citizen", "/api/dossiers", submission);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String code = submitted.text("code");
    JsonNode waiting = submitted.body();
    assertThat(waiting.path("status").asInt()).isEqualTo(6);
    assertThat(waiting.path("feeVnd").asLong()).isEqualTo(14_000);
    assertThat(waiting.path("feeDue").asText()).isEqualTo("AT_SUBMISSION");
    assertThat(waiting.path("feeDetail").asText())
        .isEqualTo("Phí chứng thực bản sao từ bản chính (5 trang × 2 bản): 14.000 đồng");
    assertThat(inboxCodes("clerk.vithanh")).doesNotContain(code);
    flow.uploadComponents("citizen", code, CERTIFIED_COPY);

    flow.payOnline("citizen", code);
    JsonNode paid = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(paid.path("status").asInt()).isEqualTo(1);
    assertThat(paid.path("receivedAt").isNull()).isTrue();
    JsonNode charge = api.get("citizen", "/api/dossiers/" + code + "/payments").body().get(0);
    assertThat(charge.path("amountVnd").asLong()).isEqualTo(14_000);
    assertThat(charge.path("method").asText()).isEqualTo("ONLINE");
    JsonNode settled = java.util.stream.StreamSupport.stream(paid.path("history").spliterator(), false)
        .filter(e -> e.path("action").asText().equals("PAYMENT_SETTLED")).findFirst().orElseThrow();
    assertThat(settled.path("actor").asText()).isEqualTo("VNPAY");
    assertThat(settled.path("actorRole").asText()).isEqualTo("GATEWAY");
    assertThat(settled.path("actorName").asText()).isEqualTo("Cổng thanh toán VNPAY");

    // The dossier names its current step's task, the one in the clerk's inbox.
    assertThat(api.get("clerk.vithanh", "/api/dossiers/" + code).body().path("currentSteps").get(0).path("taskId")
        .asText()).isEqualTo(flow.task("clerk.vithanh", code).path("id").asText());
    assertThat(flow.decide("clerk.vithanh", code, "accept", null).path("status").asInt()).isEqualTo(4);
    flow.decide("specialist.vithanh", code, "forward", null);
    // Paid already: after approval the result goes straight to return, no second payment request.
    JsonNode approved = flow.decide("leader.vithanh", code, "approve", null);
    assertThat(approved.path("status").asInt()).isEqualTo(9);
    flow.uploadResult("clerk.vithanh", code);
    flow.decide("clerk.vithanh", code, "return", null);
    JsonNode returned = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(returned.path("history").findValuesAsText("action")).containsSubsequence(
        "SUBMITTED", "PAYMENT_REQUESTED", "PAYMENT_SETTLED", "RECEIVED", "FINISHED", "RETURNED")
        .containsOnlyOnce("PAYMENT_REQUESTED");
    assertThat(receiptText("citizen", code)).contains("14.000 đồng", "5 trang × 2 bản");
  }

  @Test
  void theClerkTakesOrWaivesTheFeeInTheIntakeItself() {
    Api.Response cash = api.post("clerk.vithanh", "/api/counter/dossiers", counterDossier(SIGNATURE,
        Map.of("method", "CASH", "receiptNumber", "0000123")));
    assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    JsonNode received = cash.body();
    assertThat(received.path("status").asInt()).as(cash.toString()).isEqualTo(2);
    assertThat(received.path("history").findValuesAsText("action")).containsSubsequence(
        "SUBMITTED", "PAYMENT_REQUESTED", "PAYMENT_SETTLED", "RECEIVED");
    assertThat(flow.task("clerk.vithanh", cash.text("code")).path("taskKey").asText()).isEqualTo("digitization");
    JsonNode charge = api.get("clerk.vithanh", "/api/dossiers/" + cash.text("code") + "/payments").body().get(0);
    assertThat(charge.path("receiptNumber").asText()).isEqualTo("0000123");
    assertThat(charge.path("amountVnd").asLong()).isEqualTo(10_000);
    assertThat(receiptText("clerk.vithanh", cash.text("code"))).contains("0000123", "Phí chứng thực chữ ký: 10.000 đồng");

    Api.Response waived = api.post("clerk.vithanh", "/api/counter/dossiers", counterDossier(MARITAL_STATUS,
        Map.of("exemptionCode", "HO_NGHEO", "note", "Sổ hộ nghèo năm 2026")));
    assertThat(waived.status()).as(waived.toString()).isEqualTo(201);
    assertThat(waived.body().path("status").asInt()).isEqualTo(2);
    JsonNode exemption = api.get("clerk.vithanh", "/api/dossiers/" + waived.text("code") + "/payments").body().get(0);
    assertThat(exemption.path("status").asText()).isEqualTo("EXEMPT");
    assertThat(exemption.path("exemptionCode").asText()).isEqualTo("HO_NGHEO");

    // Without the fee in the intake, the dossier waits for it (status 6) and is received once it is paid.
    Api.Response later = api.post("clerk.vithanh", "/api/counter/dossiers", counterDossier(SIGNATURE, null));
    assertThat(later.body().path("status").asInt()).isEqualTo(6);
    flow.payAtCounter("clerk.vithanh", later.text("code"));
    assertThat(api.get("clerk.vithanh", "/api/dossiers/" + later.text("code")).body().path("status").asInt())
        .isEqualTo(2);
  }

  @Test
  void aRefusedFeeLeavesNoDossierBehindAndQuantitiesAreChecked() {
    long before = api.get("clerk.vithanh", "/api/dossiers?size=1").body().path("total").asLong();
    assertProblem(api.post("clerk.vithanh", "/api/counter/dossiers", counterDossier(MARITAL_STATUS,
        Map.of("exemptionCode", "KHONG_CO"))), "UNKNOWN_EXEMPTION");
    assertProblem(api.post("clerk.vithanh", "/api/counter/dossiers", counterDossier(SIGNATURE,
        Map.of("method", "CASH"))), "COUNTER_PAYMENT_INCOMPLETE");
    assertProblem(api.post("clerk.stp", "/api/counter/dossiers", counterDossier(CRIMINAL_RECORD,
        Map.of("method", "CASH", "receiptNumber", "1"))), "NO_FEE_DUE_AT_SUBMISSION");
    assertThat(api.get("clerk.vithanh", "/api/dossiers?size=1").body().path("total").asLong()).isEqualTo(before);

    Map<String, Object> unknown = new HashMap<>(Dossiers.submission(CERTIFIED_COPY));
    unknown.put("feeQuantities", Map.of("sheets", 2));
    assertProblem(api.post("citizen", "/api/dossiers", unknown), "UNKNOWN_FEE_QUANTITY");
    Map<String, Object> tooFew = new HashMap<>(Dossiers.submission(CERTIFIED_COPY));
    tooFew.put("feeQuantities", Map.of("pages", 0));
    Api.Response problem = api.post("citizen", "/api/dossiers", tooFew);
    assertProblem(problem, "INVALID_FEE_QUANTITY");
    assertThat(problem.text("detail")).contains("pages", CERTIFIED_COPY);
    assertThat(api.get("clerk.vithanh", "/api/dossiers?size=1").body().path("total").asLong()).isEqualTo(before);
  }

  @Test
  void anUnpaidFeeDueAtSubmissionStopsTheDossierBeforeReception() {
    String code = flow.submit("citizen", MARITAL_STATUS);
    // The fee at submission is asked for by the shared part "Nộp phí, lệ phí", called before reception.
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(org.motcua.process.ProcessContract.Parts.PAYMENT).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance)
        .activityId("paymentReminder").singleResult().getId());
    management.executeJob(management.createJobQuery().processInstanceId(instance)
        .activityId("paymentDeadline").singleResult().getId());
    JsonNode stopped = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(stopped.path("status").asInt()).isEqualTo(8);
    assertThat(stopped.path("receivedAt").isNull()).isTrue();
    assertThat(stopped.path("history").findValuesAsText("action"))
        .containsSubsequence("PAYMENT_REQUESTED", "PAYMENT_REMINDED", "UNPAID_STOPPED");
    assertThat(api.get("citizen", "/api/dossiers/" + code + "/payments").body().get(0).path("status").asText())
        .isEqualTo("CANCELLED");
  }

  private List<String> inboxCodes(String officer) {
    return new org.motcua.support.Dossiers(api).inboxCodes(officer);
  }

  private static Map<String, Object> counterDossier(String procedure, Map<String, String> fee) {
    Map<String, Object> body = new HashMap<>();
    body.put("procedureCode", procedure);
    body.put("channel", 1);
    body.put("applicant", Map.of("name", "Trần Thị Bình", "idNumber", "093190000456", "phone", "0912000111"));
    if (fee != null) {
      body.put("fee", fee);
    }
    return body;
  }

  private String receiptText(String user, String code) {
    Api.Response receipt = api.get(user, "/api/dossiers/" + code + "/forms/payment-receipt");
    assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
    try (var pdf = Loader.loadPDF(receipt.raw())) {
      return Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertProblem(Api.Response response, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.text("code")).isEqualTo(code);
  }
}
