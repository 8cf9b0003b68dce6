package org.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paying a dossier's fee over real HTTP: online through the sandbox gateway (signed redirect, signed IPN), at the
 * counter, by exemption, and the unpaid dossier stopped by its timer; forged and replayed callbacks change nothing.
 */
@MotcuaTest
class PaymentHttpTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // 200.000 đồng
  private static final String SECRET = "sandbox-secret-change-me";

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

  /** A dossier approved by the leader and waiting for its fee (status 6). */
  private String awaitingPayment() {
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);
    flow.decide("specialist.stp", code, "forward", null);
    JsonNode approved = flow.decide("leader.stp", code, "approve", null);
    assertThat(approved.path("status").asInt()).isEqualTo(6);
    return code;
  }

  private JsonNode charge(String code) {
    return api.get("citizen", "/api/dossiers/" + code + "/payments").body().get(0);
  }

  @Test
  void aCitizenPaysOnlineThroughTheSandboxGateway() {
    String year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear() + "";
    String summary = "/api/reports/summary?from=" + year + "-01-01&to=" + year + "-12-31&agency=000.00.12.H13";
    long paidBefore = api.get("supervisor.stp", summary).body().path("paidOnline").asLong();
    String code = awaitingPayment();
    String redirect = flow.startOnlinePayment("citizen", code);
    assertThat(redirect).startsWith("/sandbox/vnpay/pay?").contains("vnp_Amount=20000000", "vnp_SecureHash=");

    Api.Response page = api.get(null, redirect);
    assertThat(page.status()).isEqualTo(200);
    assertThat(new String(page.raw(), StandardCharsets.UTF_8)).contains("200.000 đồng", "Thanh toán");
    flow.payOnSandboxPage(redirect);

    JsonNode paid = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(paid.path("status").asInt()).isEqualTo(9);
    assertThat(paid.path("history").findValuesAsText("action")).containsOnlyOnce("PAYMENT_SETTLED");
    assertThat(charge(code).path("status").asText()).isEqualTo("PAID");
    assertThat(charge(code).path("method").asText()).isEqualTo("ONLINE");
    assertThat(flow.task("clerk.stp", code).path("name").asText()).isEqualTo("Trả kết quả");
    JsonNode indicators = api.get("supervisor.stp", summary).body();
    assertThat(indicators.path("paidOnline").asLong()).isEqualTo(paidBefore + 1);
    assertThat(indicators.path("proceduresWithOnlinePaymentRate").asDouble()).isPositive();

    // The browser's return page only informs, and links to the dossier; a forged return names none.
    String txnRef = charge(code).path("txnRef").asText();
    String back = new String(api.get(null, "/payments/vnpay/return?"
        + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"), SECRET)).raw(), StandardCharsets.UTF_8);
    assertThat(back).contains("Thanh toán thành công", "/citizen/dossiers/" + code);
    String forgedBack = new String(api.get(null, "/payments/vnpay/return?"
        + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"), "forged")).raw(), StandardCharsets.UTF_8);
    assertThat(forgedBack).contains("Kết quả không hợp lệ").doesNotContain("/citizen/dossiers/");

    // Replaying the same signed IPN is answered as already confirmed and changes nothing.
    Map<String, String> ipn = ipn(txnRef, 200_000, "00");
    assertThat(api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn, SECRET)).text("RspCode"))
        .isEqualTo("02");
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("history").findValuesAsText("action"))
        .containsOnlyOnce("PAYMENT_SETTLED");
  }

  @Test
  void forgedWrongAndUnknownCallbacksAreRefusedAndLogged() {
    String code = awaitingPayment();
    String txnRef = charge(code).path("txnRef").asText();

    Map<String, String> forged = new HashMap<>(ipn(txnRef, 200_000, "00"));
    String query = VnpaySignature.signedQuery(forged, "not-the-secret");
    assertThat(api.get(null, "/api/payments/vnpay/ipn?" + query).text("RspCode")).isEqualTo("97");
    assertThat(api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn(txnRef, 2_000, "00"), SECRET))
        .text("RspCode")).isEqualTo("04");
    assertThat(api.get(null, "/api/payments/vnpay/ipn?"
        + VnpaySignature.signedQuery(ipn("khong-ton-tai", 200_000, "00"), SECRET)).text("RspCode")).isEqualTo("01");
    assertThat(api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "24"),
        SECRET)).text("RspCode")).isEqualTo("00");

    // A callback path for a gateway the service does not have is not found, and settles nothing.
    Api.Response unknownGateway = api.get(null, "/api/payments/momo/ipn?"
        + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"), SECRET));
    assertThat(unknownGateway.status()).isEqualTo(404);
    assertThat(unknownGateway.text("code")).isEqualTo("UNKNOWN_GATEWAY");

    assertThat(charge(code).path("status").asText()).isEqualTo("OPEN");
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("status").asInt()).isEqualTo(6);
  }

  @Test
  void aCorrectlySignedCallbackWhoseAmountWasChangedAfterSigningIsRefused() {
    String code = awaitingPayment();
    String txnRef = charge(code).path("txnRef").asText();

    // Signed for 2.000 đồng, then raised to the charge's 200.000 đồng: were the amount read before the signature
    // is checked, this would settle the charge.
    String raised = VnpaySignature.signedQuery(ipn(txnRef, 2_000, "00"), SECRET)
        .replace("vnp_Amount=200000&", "vnp_Amount=20000000&");
    assertThat(raised).contains("vnp_Amount=20000000&");
    Api.Response answer = api.get(null, "/api/payments/vnpay/ipn?" + raised);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("RspCode")).isEqualTo("97");

    // Signed for the right amount, then lowered.
    String lowered = VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"), SECRET)
        .replace("vnp_Amount=20000000&", "vnp_Amount=200000&");
    assertThat(lowered).contains("vnp_Amount=200000&");
    assertThat(api.get(null, "/api/payments/vnpay/ipn?" + lowered).text("RspCode")).isEqualTo("97");

    assertThat(charge(code).path("status").asText()).isEqualTo("OPEN");
    JsonNode dossier = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(dossier.path("status").asInt()).isEqualTo(6);
    assertThat(dossier.path("history").findValuesAsText("action")).doesNotContain("PAYMENT_SETTLED");
  }

  @Test
  void counterPaymentAndExemptionAreForTheAgencysClerk() {
    String paid = awaitingPayment();
    Api.Response denied = api.post("clerk.vithanh", "/api/dossiers/" + paid + "/payments/counter",
        Map.of("method", "CASH", "receiptNumber", "0001"));
    // A clerk of another agency may not see the dossier: answered as an unknown code.
    assertThat(denied.status()).isEqualTo(404);
    assertThat(denied.text("code")).isEqualTo("UNKNOWN_DOSSIER");
    assertThat(api.post("clerk.stp", "/api/dossiers/" + paid + "/payments/counter",
        Map.of("method", "ONLINE", "receiptNumber", "0001")).text("code")).isEqualTo("INVALID_PAYMENT_METHOD");
    flow.payAtCounter("clerk.stp", paid);
    assertThat(charge(paid).path("receiptNumber").asText()).isEqualTo("BL-" + paid);
    Api.Response receipt = api.get("citizen", "/api/dossiers/" + paid + "/forms/payment-receipt");
    assertThat(receipt.status()).as(receipt.toString()).isEqualTo(200);
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(receipt.raw())) {
      String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf),
          java.text.Normalizer.Form.NFC);
      assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", "BL-" + paid, "Nguyễn Văn An", "200.000 đồng",
          "Tiền mặt tại Bộ phận Một cửa");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertThat(api.post("clerk.stp", "/api/dossiers/" + paid + "/payments/counter",
        Map.of("method", "CASH", "receiptNumber", "0002")).text("code")).isEqualTo("NO_OPEN_CHARGE");

    String exempt = awaitingPayment();
    assertThat(api.get("citizen", "/api/dossiers/" + exempt + "/forms/payment-receipt").text("code"))
        .isEqualTo("FORM_NOT_AVAILABLE");
    assertThat(api.post("citizen", "/api/dossiers/" + exempt + "/payments/exemption",
        Map.of("reasonCode", "HO_NGHEO")).status()).isEqualTo(403);
    assertThat(api.post("clerk.stp", "/api/dossiers/" + exempt + "/payments/exemption",
        Map.of("reasonCode", "KHONG_CO")).text("code")).isEqualTo("UNKNOWN_EXEMPTION");
    Api.Response exempted = api.post("clerk.stp", "/api/dossiers/" + exempt + "/payments/exemption",
        Map.of("reasonCode", "HO_NGHEO", "note", "Giấy chứng nhận hộ nghèo năm 2026"));
    assertThat(exempted.status()).as(exempted.toString()).isEqualTo(200);
    assertThat(exempted.text("status")).isEqualTo("EXEMPT");
    assertThat(api.get("citizen", "/api/dossiers/" + exempt).body().path("status").asInt()).isEqualTo(9);
  }

  @Test
  void anUnpaidDossierIsStoppedByItsTimerAndALateCallbackIsOnlyFlagged() {
    String code = awaitingPayment();
    // The fee is asked for by the shared part "Nộp phí, lệ phí", called with the dossier code as business key.
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(org.motcua.process.ProcessContract.Parts.PAYMENT).singleResult().getId();
    String reminder = management.createJobQuery().processInstanceId(instance).activityId("paymentReminder")
        .singleResult().getId();
    management.executeJob(reminder);
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("history").findValuesAsText("action"))
        .contains("PAYMENT_REMINDED");
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("paymentDeadline")
        .singleResult().getId());
    JsonNode stopped = api.get("citizen", "/api/dossiers/" + code).body();
    assertThat(stopped.path("status").asInt()).isEqualTo(8);
    assertThat(charge(code).path("status").asText()).isEqualTo("CANCELLED");

    String txnRef = charge(code).path("txnRef").asText();
    assertThat(api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"),
        SECRET)).text("RspCode")).isEqualTo("02");
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("status").asInt()).isEqualTo(8);
  }

  @Test
  void theDailyReconciliationAccountsForEveryCallback() {
    String code = awaitingPayment();
    String txnRef = charge(code).path("txnRef").asText();
    String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    JsonNode before = api.get("admin", "/api/reports/reconciliation?date=" + date).body();
    api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"), "forged"));
    api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn(txnRef, 1_000, "00"), SECRET));
    api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn("khong-co", 5_000, "00"), SECRET));
    api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"), SECRET));
    api.get(null, "/api/payments/vnpay/ipn?" + VnpaySignature.signedQuery(ipn(txnRef, 200_000, "00"), SECRET));

    JsonNode after = api.get("admin", "/api/reports/reconciliation?date=" + date).body();
    assertThat(after.path("callbacks").asLong() - before.path("callbacks").asLong()).isEqualTo(5);
    assertThat(after.path("matched").asLong() - before.path("matched").asLong()).isEqualTo(1);
    assertThat(after.path("duplicates").asLong() - before.path("duplicates").asLong()).isEqualTo(1);
    assertThat(after.path("mismatchedAmount").asLong() - before.path("mismatchedAmount").asLong()).isEqualTo(1);
    assertThat(after.path("invalidSignature").asLong() - before.path("invalidSignature").asLong()).isEqualTo(1);
    assertThat(after.path("unmatched").asLong() - before.path("unmatched").asLong()).isEqualTo(1);

    // The supervisor of the justice department sees its dossier's lines but not unknown transactions.
    JsonNode supervisor = api.get("supervisor.stp", "/api/reports/reconciliation?date=" + date).body();
    assertThat(supervisor.path("lines").findValuesAsText("dossierCode")).contains(code);
    assertThat(supervisor.path("lines").findValuesAsText("verdict")).doesNotContain("UNKNOWN_TRANSACTION");
    JsonNode elsewhere = api.get("supervisor.vithanh", "/api/reports/reconciliation?date=" + date).body();
    assertThat(elsewhere.path("lines").findValuesAsText("dossierCode")).doesNotContain(code);
    assertThat(api.get("clerk.stp", "/api/reports/reconciliation?date=" + date).status()).isEqualTo(403);

    Api.Response csv = api.get("admin", "/api/reports/reconciliation.csv?date=" + date);
    assertThat(csv.status()).isEqualTo(200);
    String text = new String(csv.raw(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFThời điểm nhận,Cổng,Mã giao dịch").contains(txnRef, "AMOUNT_MISMATCH");
  }

  /**
   * The transaction reference of a callback is whatever its sender wrote: in the reconciliation CSV it is text a
   * spreadsheet does not evaluate, with its line breaks kept inside the cell.
   */
  @Test
  void hostileTransactionReferencesAreNeutralisedInTheReconciliationCsv() {
    String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    for (String txnRef : java.util.List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(1)", "-2+3", "\tcmd",
        "\rcmd", "a\nb")) {
      Api.Response answer = api.get(null, "/api/payments/vnpay/ipn?"
          + VnpaySignature.signedQuery(ipn(txnRef, 5_000, "00"), SECRET));
      assertThat(answer.text("RspCode")).as(txnRef).isEqualTo("01"); // order not found
    }
    Api.Response csv = api.get("admin", "/api/reports/reconciliation.csv?date=" + date);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String text = new String(csv.raw(), StandardCharsets.UTF_8);
    assertThat(text).contains(",VNPAY,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",5000,UNKNOWN_TRANSACTION,",
        ",VNPAY,'+1,5000,", ",VNPAY,'@SUM(1),5000,", ",VNPAY,'-2+3,5000,", ",VNPAY,'\tcmd,5000,",
        ",VNPAY,\"'\rcmd\",5000,", ",VNPAY,\"a\nb\",5000,");
  }

  static Map<String, String> ipn(String txnRef, long amountVnd, String responseCode) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("vnp_TmnCode", "MOTCUA01");
    params.put("vnp_Amount", String.valueOf(amountVnd * 100));
    params.put("vnp_CurrCode", "VND");
    params.put("vnp_TxnRef", txnRef);
    params.put("vnp_ResponseCode", responseCode);
    params.put("vnp_TransactionStatus", responseCode.equals("00") ? "00" : "02");
    params.put("vnp_TransactionNo", "14" + Math.abs(txnRef.hashCode() % 1_000_000));
    params.put("vnp_PayDate", "20261123100000");
    return params;
  }
}
