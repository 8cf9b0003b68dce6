package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake over real HTTP on all three channels, with uploads, digitization, reuse from the e-data warehouse and the
 * side paths (supplement after reception, withdrawal, apology), and the bad input around documents.
 */
@MotcuaTest
class IntakeHttpTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ManagementService management;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TestClock clock;

  private Dossiers flow;

  @BeforeEach
  void setUp() {
    flow = new Dossiers(api);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private Map<String, Object> counterDossier(int channel, String tracking, Integer resultDelivery, String idNumber) {
    Map<String, Object> body = new HashMap<>();
    body.put("procedureCode", CRIMINAL_RECORD);
    body.put("channel", channel);
    body.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", idNumber, "phone", "0912345678"));
    if (tracking != null) {
      body.put("postalTrackingNumber", tracking);
    }
    if (resultDelivery != null) {
      body.put("resultDelivery", resultDelivery);
    }
    return body;
  }

  private void scan(String clerk, String code, String component) {
    Api.Response scanned = api.upload(clerk, "/api/dossiers/" + code + "/documents", Map.of(
        "component", component, "file", new Api.FilePart(component + ".pdf", Api.pdf("scan " + component))));
    assertThat(scanned.status()).as(scanned.toString()).isEqualTo(201);
    assertThat(scanned.text("source")).isEqualTo("SCAN");
  }

  @Test
  void counterDossierIsDigitizedHandledAndItsResultGoesToTheWarehouse() {
    Api.Response entered = api.post("clerk.stp", "/api/counter/dossiers", counterDossier(1, null, null, "093085000123"));
    assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
    String code = entered.text("code");
    assertThat(entered.body().path("status").asInt()).isEqualTo(2);
    assertThat(entered.body().path("channel").asInt()).isEqualTo(1);
    assertThat(entered.body().path("dueAt").isNull()).isFalse();

    assertProblem(api.post("clerk.stp", "/api/tasks/" + flow.task("clerk.stp", code).path("id").asText()
        + "/complete", Map.of("decision", "digitized")), 400, "COMPONENTS_NOT_DIGITIZED");
    scan("clerk.stp", code, "TO_KHAI");
    scan("clerk.stp", code, "GIAY_TO_TUY_THAN");
    assertThat(flow.decide("clerk.stp", code, "digitized", null).path("componentsDigitized").asBoolean()).isTrue();
    flow.decide("specialist.stp", code, "forward", null);
    flow.decide("leader.stp", code, "approve", null);
    flow.payAtCounter("clerk.stp", code);
    assertProblem(api.post("clerk.stp", "/api/tasks/" + flow.task("clerk.stp", code).path("id").asText()
        + "/complete", Map.of("decision", "return")), 400, "RESULT_NOT_DIGITIZED");
    flow.uploadResult("leader.stp", code);
    JsonNode returned = flow.decide("clerk.stp", code, "return", null);
    assertThat(returned.path("status").asInt()).isEqualTo(10);
    assertThat(returned.path("resultDigitized").asBoolean()).isTrue();

    // The applicant has an account with the same CCCD: they follow the dossier and download the e-result.
    JsonNode documents = api.get("citizen", "/api/dossiers/" + code + "/documents").body();
    JsonNode result = StreamSupport.stream(documents.spliterator(), false)
        .filter(d -> d.path("kind").asText().equals("RESULT")).findFirst().orElseThrow();
    Api.Response download = api.get("citizen", "/api/documents/" + result.path("id").asText() + "/content");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.contentType()).isEqualTo("application/pdf");
    assertProblem(api.get("citizen2", "/api/documents/" + result.path("id").asText() + "/content"), 404,
        "UNKNOWN_DOCUMENT");
    assertProblem(api.get("clerk.vithanh", "/api/documents/" + result.path("id").asText() + "/content"), 404,
        "UNKNOWN_DOCUMENT");

    JsonNode warehouse = api.get("citizen", "/api/warehouse").body();
    assertThat(warehouse.findValuesAsText("documentType"))
        .contains("TO_KHAI", "GIAY_TO_TUY_THAN", "KQ:" + CRIMINAL_RECORD);
  }

  /** A dossier keeps the component list of the catalog version it was submitted under (DOMAIN: the catalogue). */
  @Test
  void aDossierKeepsTheComponentsItWasSubmittedWith() {
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    // As if submitted under an older catalog version: one more required component, no power of attorney.
    jdbc.update("update dossier set components_total = 3, component_snapshot = ? where code = ?", """
        [{"code":"TO_KHAI","name":"Tờ khai","required":true},
         {"code":"GIAY_TO_TUY_THAN","name":"Giấy tờ tùy thân","required":true},
         {"code":"ANH_CHAN_DUNG","name":"Ảnh chân dung 4x6","required":true}]""", code);
    for (String component : List.of("TO_KHAI", "GIAY_TO_TUY_THAN")) {
      assertThat(upload("citizen", code, component).status()).isEqualTo(201);
    }
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("componentsDigitized").asBoolean()).isFalse();
    Api.Response dropped = upload("citizen", code, "UY_QUYEN");
    assertThat(dropped.status()).as(dropped.toString()).isEqualTo(400);
    assertThat(dropped.text("code")).isEqualTo("UNKNOWN_COMPONENT");
    assertThat(upload("citizen", code, "ANH_CHAN_DUNG").status()).isEqualTo(201);
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("componentsDigitized").asBoolean()).isTrue();
  }

  private Api.Response upload(String user, String code, String component) {
    return api.upload(user, "/api/dossiers/" + code + "/documents", Map.of(
        "component", component, "file", new Api.FilePart(component + ".pdf", Api.pdf(component))));
  }

  @Test
  void postalDossierNeedsTrackingNumbersBothWays() {
    assertProblem(api.post("clerk.stp", "/api/counter/dossiers", counterDossier(3, null, 3, "093085000123")), 400,
        "TRACKING_NUMBER_REQUIRED");
    assertProblem(api.post("clerk.vithanh", "/api/counter/dossiers", counterDossier(3, "EA123", 3, "093085000123")),
        403, "PROCEDURE_NOT_OF_YOUR_AGENCY");
    assertProblem(api.post("citizen", "/api/counter/dossiers", counterDossier(3, "EA123", 3, "093085000123")),
        403, "ACCESS_DENIED");
    Api.Response entered = api.post("clerk.stp", "/api/counter/dossiers",
        counterDossier(3, "EA123456789VN", 3, "093090000789"));
    assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
    String code = entered.text("code");
    assertThat(entered.body().path("channel").asInt()).isEqualTo(3);
    assertThat(entered.text("postalTrackingIn")).isEqualTo("EA123456789VN");
    scan("clerk.stp", code, "TO_KHAI");
    scan("clerk.stp", code, "GIAY_TO_TUY_THAN");
    flow.decide("clerk.stp", code, "digitized", null);
    flow.decide("specialist.stp", code, "forward", null);
    flow.decide("leader.stp", code, "approve", null);
    flow.payAtCounter("clerk.stp", code);
    flow.uploadResult("clerk.stp", code);
    String taskId = flow.task("clerk.stp", code).path("id").asText();
    assertProblem(api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "return")), 400,
        "TRACKING_NUMBER_REQUIRED");
    Api.Response returned = api.post("clerk.stp", "/api/tasks/" + taskId + "/complete",
        Map.of("decision", "return", "trackingNumber", "EB987654321VN"));
    assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
    assertThat(returned.text("postalTrackingOut")).isEqualTo("EB987654321VN");
    // Nobody with this CCCD has an account: the dossier has no online owner.
    assertProblem(api.get("citizen", "/api/dossiers/" + code), 404, "UNKNOWN_DOSSIER");
  }

  @Test
  void aNewDossierReusesValidDocumentsFromTheWarehouseButNotExpiredOrForeignOnes() {
    // A first dossier leaves an identity document (valid until 2099) and a declaration (expired) in the warehouse.
    String first = flow.submit("citizen", CRIMINAL_RECORD);
    Api.Response id = api.upload("citizen", "/api/dossiers/" + first + "/documents", Map.of("component",
        "GIAY_TO_TUY_THAN", "file", new Api.FilePart("cccd.png", png()), "issuingAgency", "Cục Cảnh sát QLHC về TTXH",
        "issuedOn", "2021-05-01", "validUntil", "2099-05-01"));
    assertThat(id.status()).as(id.toString()).isEqualTo(201);
    assertThat(id.text("contentType")).isEqualTo("image/png");
    assertThat(id.text("sha256")).hasSize(64);
    api.upload("citizen", "/api/dossiers/" + first + "/documents", Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("to-khai.pdf", Api.pdf("tờ khai")), "validUntil", "2020-01-01"));
    flow.decide("clerk.stp", first, "accept", null);

    String second = flow.submit("citizen", CRIMINAL_RECORD);
    JsonNode offers = api.get("citizen", "/api/dossiers/" + second + "/reuse-offers").body();
    Map<String, List<String>> offered = new HashMap<>();
    offers.forEach(o -> offered.put(o.path("component").asText(), o.path("items").findValuesAsText("id")));
    assertThat(offered.get("GIAY_TO_TUY_THAN")).isNotEmpty();
    long itemId = Long.parseLong(offered.get("GIAY_TO_TUY_THAN").get(0));
    long expiredId = api.get("citizen", "/api/warehouse").body().findParents("documentType").stream()
        .filter(i -> i.path("documentType").asText().equals("TO_KHAI") && "2020-01-01".equals(i.path("validUntil").asText()))
        .findFirst().orElseThrow().path("id").asLong();
    assertThat(offered.get("TO_KHAI")).as("expired items are not offered").doesNotContain(String.valueOf(expiredId));
    assertProblem(api.post("citizen", "/api/dossiers/" + second + "/documents/reuse",
        Map.of("component", "TO_KHAI", "warehouseItemId", expiredId)), 409, "WAREHOUSE_ITEM_EXPIRED");
    assertProblem(api.post("citizen", "/api/dossiers/" + second + "/documents/reuse",
        Map.of("component", "TO_KHAI", "warehouseItemId", itemId)), 400, "WAREHOUSE_ITEM_WRONG_TYPE");
    String foreign = flow.submit("citizen2", CRIMINAL_RECORD);
    // citizen2's dossier names citizen's CCCD as applicant in the demo helper, so use a different applicant here.
    Map<String, Object> other = new HashMap<>(Dossiers.submission(CRIMINAL_RECORD));
    other.put("applicant", Map.of("name", "Trần Thị Bình", "idNumber", "093190000456"));
    String binh = api.post("citizen2", "/api/dossiers", other).text("code");
    assertProblem(api.post("citizen2", "/api/dossiers/" + binh + "/documents/reuse",
        Map.of("component", "GIAY_TO_TUY_THAN", "warehouseItemId", itemId)), 404, "UNKNOWN_WAREHOUSE_ITEM");
    assertThat(foreign).isNotBlank();

    Api.Response reused = api.post("citizen", "/api/dossiers/" + second + "/documents/reuse",
        Map.of("component", "GIAY_TO_TUY_THAN", "warehouseItemId", itemId));
    assertThat(reused.status()).as(reused.toString()).isEqualTo(201);
    assertThat(reused.text("source")).isEqualTo("WAREHOUSE");
    api.upload("citizen", "/api/dossiers/" + second + "/documents", Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("to-khai-moi.pdf", Api.pdf("tờ khai mới"))));
    JsonNode accepted = flow.decide("clerk.stp", second, "accept", null);
    assertThat(accepted.path("componentsReused").asInt()).isEqualTo(1);
    assertThat(accepted.path("componentsSupplied").asInt()).isEqualTo(2);
    assertThat(accepted.path("componentsDigitized").asBoolean()).isTrue();
  }

  @Test
  void badFilesAreRefusedAndLeaveNothingBehind() throws IOException {
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    long rows = jdbc.queryForObject("select count(*) from document", Long.class);
    long files = storedFiles();
    String path = "/api/dossiers/" + code + "/documents";

    assertProblem(api.upload("citizen", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("to-khai.pdf", "MZ not a pdf at all".getBytes()))), 415, "UNSUPPORTED_FILE_TYPE");
    assertProblem(api.upload("citizen", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("to-khai.pdf", new byte[0]))), 400, "EMPTY_FILE");
    byte[] big = new byte[300_000];
    System.arraycopy(Api.pdf("x"), 0, big, 0, 10);
    assertProblem(api.upload("citizen", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("lon.pdf", big))), 413, "FILE_TOO_LARGE");
    assertProblem(api.upload("citizen", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("../../etc/passwd.pdf", Api.pdf("x")))), 400, "INVALID_FILENAME");
    assertProblem(api.upload("citizen", path, Map.of("component", "KHONG_CO",
        "file", new Api.FilePart("a.pdf", Api.pdf("x")))), 400, "UNKNOWN_COMPONENT");
    assertProblem(api.upload("citizen2", path, Map.of("component", "TO_KHAI",
        "file", new Api.FilePart("a.pdf", Api.pdf("x")))), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.upload("citizen", path, Map.of("component", "TO_KHAI")), 400, "MISSING_PART");

    assertThat(jdbc.queryForObject("select count(*) from document", Long.class)).isEqualTo(rows);
    assertThat(storedFiles()).isEqualTo(files);
  }

  @Test
  void supplementAfterReceptionMovesTheAppointmentDate() {
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    JsonNode received = flow.decide("clerk.stp", code, "accept", null);
    LocalDateTime due = LocalDateTime.parse(received.path("dueAt").asText());
    clock.set(LocalDateTime.now().plusDays(1));
    JsonNode asked = flow.decide("specialist.stp", code, "supplement", "Bổ sung bản sao CCCD còn hiệu lực");
    assertThat(asked.path("status").asInt()).isEqualTo(5);
    clock.set(LocalDateTime.now().plusDays(8));
    api.upload("citizen", "/api/dossiers/" + code + "/documents", Map.of("component", "GIAY_TO_TUY_THAN",
        "file", new Api.FilePart("cccd-moi.pdf", Api.pdf("cccd"))));
    Api.Response supplied = api.post("citizen", "/api/dossiers/" + code + "/supplements", Map.of("note", "Đã bổ sung"));
    assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
    assertThat(supplied.body().path("status").asInt()).isEqualTo(4);
    assertThat(LocalDateTime.parse(supplied.text("dueAt"))).isAfter(due);
    assertThat(flow.task("specialist.stp", code).path("name").asText()).isEqualTo("Thẩm định hồ sơ");
  }

  @Test
  void withdrawalIsConfirmedByTheClerkAndBlocksOtherWorkMeanwhile() {
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);
    assertProblem(api.post("citizen2", "/api/dossiers/" + code + "/withdrawal", Map.of("reason", "x")), 404,
        "UNKNOWN_DOSSIER");
    assertProblem(api.post("citizen", "/api/dossiers/" + code + "/withdrawal", Map.of()), 400, "VALIDATION_FAILED");
    Api.Response asked = api.post("citizen", "/api/dossiers/" + code + "/withdrawal",
        Map.of("reason", "Tôi đã có phiếu lý lịch tư pháp khác"));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
    assertThat(asked.body().path("status").asInt()).isEqualTo(7);
    assertProblem(api.post("specialist.stp", "/api/tasks/" + flow.task("specialist.stp", code).path("id").asText()
        + "/complete", Map.of("decision", "forward")), 409, "WITHDRAWAL_PENDING");
    assertThat(flow.task("clerk.stp", code).path("name").asText()).isEqualTo("Xác nhận rút hồ sơ");
    JsonNode stopped = flow.decide("clerk.stp", code, "confirm", null);
    assertThat(stopped.path("status").asInt()).isEqualTo(8);
    assertThat(stopped.path("currentSteps")).isEmpty();
    assertProblem(api.post("citizen", "/api/dossiers/" + code + "/withdrawal", Map.of("reason", "lần nữa")), 409,
        "WITHDRAWAL_NOT_ALLOWED");
  }

  @Test
  void theWarningAsksForAnApologyWithANewAppointmentBeforeTheDueDate() {
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    JsonNode received = flow.decide("clerk.stp", code, "accept", null);
    LocalDateTime due = LocalDateTime.parse(received.path("dueAt").asText());
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(org.motcua.process.ProcessContract.STANDARD_PROCESS).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("dueSoonStart")
        .singleResult().getId());
    String taskId = flow.task("clerk.stp", code).path("id").asText();
    assertThat(flow.task("clerk.stp", code).path("name").asText()).startsWith("Rà soát tiến độ");

    assertProblem(api.post("clerk.stp", "/api/tasks/" + taskId + "/complete",
        Map.of("decision", "apologize", "note", "Chờ kết quả xác minh")), 400, "NEW_APPOINTMENT_REQUIRED");
    clock.set(due.plusHours(1));
    assertProblem(api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "apologize",
        "note", "Chờ kết quả xác minh", "newAppointment", due.plusDays(5).toString())), 409, "APOLOGY_TOO_LATE");
    clock.reset();
    Api.Response apology = api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision",
        "apologize", "note", "Chờ kết quả xác minh của cơ quan công an", "newAppointment",
        due.plusDays(5).toString()));
    assertThat(apology.status()).as(apology.toString()).isEqualTo(200);
    assertThat(LocalDateTime.parse(apology.text("appointmentAt"))).isEqualTo(due.plusDays(5));
    assertThat(apology.text("dueAt")).as("the statutory due date stays").isEqualTo(received.path("dueAt").asText());
    assertThat(apology.body().path("history").findValuesAsText("action")).contains("APOLOGY_ISSUED");

    Api.Response form = api.get("citizen", "/api/dossiers/" + code + "/forms/apology");
    assertThat(form.status()).isEqualTo(200);
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(form.raw())) {
      String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf),
          java.text.Normalizer.Form.NFC);
      assertThat(text).contains("Nguyễn Văn An", code, "Chờ kết quả xác minh của cơ quan công an");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long storedFiles() throws IOException {
    Path root = Path.of("target/test-files");
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).count();
    }
  }

  private static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  }
}
