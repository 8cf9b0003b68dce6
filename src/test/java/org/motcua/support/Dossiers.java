package org.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.web.util.UriComponentsBuilder;

/** Steps a test takes through the API, each asserting it was accepted. */
public class Dossiers {

  private final Api api;

  public Dossiers(Api api) {
    this.api = api;
  }

  /** Đăng ký khai sinh: its cases (on time, late) have no default, so a submission names one. */
  private static final String BIRTH_REGISTRATION = "1.001193.";

  /** The demo citizen's commune: the receiving agency of the commune-level procedures they submit. */
  public static final String VI_THANH = "000.01.21.H13";

  /**
   * A submission by the demo citizen, who lives in phường Vị Thanh: a commune-level procedure (localized code
   * {@code ….21.H13}, offered by every commune of the province) is submitted to that ward, as the applicant chooses.
   */
  public static Map<String, Object> submission(String procedureCode) {
    Map<String, Object> applicant = Map.of(
        "name", "Nguyễn Văn An", "idNumber", "093085000123", "phone", "0912345678",
        "email", "an.nguyen@example.vn", "address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh, tỉnh Hậu Giang");
    Map<String, Object> body = new java.util.HashMap<>(Map.of("procedureCode", procedureCode, "applicant", applicant));
    if (procedureCode.endsWith(".21.H13")) {
      body.put("agencyCode", VI_THANH);
    }
    if (procedureCode.startsWith(BIRTH_REGISTRATION)) {
      body.put("caseCode", "DUNG_HAN"); // birth registration has no default case: the demo child is registered on time
    }
    return Map.copyOf(body);
  }

  /** Submits online as the citizen and returns the dossier code. */
  public String submit(String citizen, String procedureCode) {
    Api.Response response = api.post(citizen, "/api/dossiers", submission(procedureCode));
    assertThat(response.status()).as("submit: %s", response).isEqualTo(201);
    return response.text("code");
  }

  /** Submits online and uploads a file for every required component: a complete dossier. */
  public String submitComplete(String citizen, String procedureCode) {
    String code = submit(citizen, procedureCode);
    uploadComponents(citizen, code, procedureCode);
    return code;
  }

  public void uploadComponents(String user, String code, String procedureCode) {
    for (JsonNode component : api.get(null, "/api/procedures/" + procedureCode).body().path("components")) {
      if (!component.path("required").asBoolean()) {
        continue;
      }
      String componentCode = component.path("code").asText();
      Api.Response uploaded = api.upload(user, "/api/dossiers/" + code + "/documents", Map.of(
          "component", componentCode,
          "file", new Api.FilePart(componentCode.toLowerCase() + ".pdf", Api.pdf(componentCode))));
      assertThat(uploaded.status()).as("upload %s: %s", componentCode, uploaded).isEqualTo(201);
    }
  }

  /** The officer digitizes the signed result (e-result), which the return step requires. */
  public void uploadResult(String officer, String code) {
    Api.Response uploaded = api.upload(officer, "/api/dossiers/" + code + "/result",
        Map.of("file", new Api.FilePart("ket-qua.pdf", Api.pdf("Kết quả " + code))));
    assertThat(uploaded.status()).as("result: %s", uploaded).isEqualTo(201);
  }

  /** The clerk takes the fee at the counter (cash, with a receipt number); the dossier moves on to result return. */
  public void payAtCounter(String clerk, String code) {
    Api.Response paid = api.post(clerk, "/api/dossiers/" + code + "/payments/counter",
        Map.of("method", "CASH", "receiptNumber", "BL-" + code));
    assertThat(paid.status()).as("counter payment: %s", paid).isEqualTo(200);
    assertThat(paid.text("status")).isEqualTo("PAID");
  }

  /** The applicant pays online through the sandbox gateway: its page, then its signed IPN and redirect. */
  public void payOnline(String citizen, String code) {
    payOnSandboxPage(startOnlinePayment(citizen, code));
  }

  /** The applicant starts paying online; returns the gateway's payment page URL. */
  public String startOnlinePayment(String citizen, String code) {
    Api.Response started = api.post(citizen, "/api/dossiers/" + code + "/payments/online", null);
    assertThat(started.status()).as("pay online: %s", started).isEqualTo(200);
    return started.text("redirectUrl");
  }

  /** On the sandbox gateway's page, the applicant confirms the payment. */
  public void payOnSandboxPage(String paymentPage) {
    Map<String, String> form = new LinkedHashMap<>(UriComponentsBuilder.fromUri(URI.create(paymentPage)).build()
        .getQueryParams().toSingleValueMap());
    form.replaceAll((k, v) -> URLDecoder.decode(v, StandardCharsets.US_ASCII));
    form.put("outcome", "pay");
    Api.Response back = api.form(null, "/sandbox/vnpay/pay", form);
    assertThat(new String(back.raw(), StandardCharsets.UTF_8)).contains("Thanh toán thành công");
  }

  /** The dossier codes of every task in the officer's inbox, all pages. */
  public java.util.List<String> inboxCodes(String officer) {
    java.util.List<String> codes = new java.util.ArrayList<>();
    int total = 0;
    for (int page = 0; page == 0 || page * 100 < total; page++) {
      Api.Response inbox = api.get(officer, "/api/tasks?size=100&page=" + page);
      assertThat(inbox.status()).as("inbox: %s", inbox).isEqualTo(200);
      total = inbox.body().path("total").asInt();
      codes.addAll(inbox.body().path("items").findValuesAsText("dossierCode"));
    }
    return codes;
  }

  /** The officer's open task for the dossier, found in their inbox. */
  public JsonNode task(String officer, String dossierCode) {
    // Every page of the inbox: the suite's shared database fills an agency's inbox beyond one page.
    int total = 0;
    for (int page = 0; page == 0 || page * 100 < total; page++) {
      Api.Response inbox = api.get(officer, "/api/tasks?size=100&page=" + page);
      assertThat(inbox.status()).as("inbox: %s", inbox).isEqualTo(200);
      total = inbox.body().path("total").asInt();
      java.util.Optional<JsonNode> found = StreamSupport.stream(inbox.body().path("items").spliterator(), false)
          .filter(t -> t.path("dossierCode").asText().equals(dossierCode))
          .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new AssertionError("no task of " + dossierCode + " in " + officer + "'s inbox (" + total + " tasks)");
  }

  /** The officer completes their task on the dossier; returns the dossier after it. */
  public JsonNode decide(String officer, String dossierCode, String decision, String note) {
    String taskId = task(officer, dossierCode).path("id").asText();
    Api.Response response = api.post(officer, "/api/tasks/" + taskId + "/complete",
        note == null ? Map.of("decision", decision) : Map.of("decision", decision, "note", note));
    assertThat(response.status()).as("%s %s: %s", officer, decision, response).isEqualTo(200);
    return response.body();
  }
}
