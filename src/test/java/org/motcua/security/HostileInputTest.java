package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input on every JSON and every upload endpoint of the API (read from the handler mappings, so a new one
 * without a caller below fails): malformed JSON, wrong types, 1 MB strings and unknown fields; zero-byte, oversized,
 * polyglot ({@code %PDF-} then HTML, named {@code x.html}) and wrong-extension files (a PNG named {@code .pdf}). Each
 * is sent by a caller who may call the endpoint, on a dossier in a state where a good request would be taken, and
 * must get a 4xx problem+json while the row count of every motcua table and the files folder stay as they were.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HUGE = 1024 * 1024;

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Environment env;
  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  /** Who calls a JSON endpoint, where, and a body the endpoint would take (the hostile ones are made from it). */
  record JsonCaller(String user, String path, String body) {
  }

  /** Who uploads to an endpoint, where, and how the hostile file is sent with the other parts. */
  record UploadCaller(String user, String path, Function<Api.FilePart, Map<String, Object>> parts) {
  }

  /** One hostile file, with the filename it is sent under. */
  record Hostile(String name, Api.FilePart file) {
  }

  private Map<String, JsonCaller> jsonCallers;
  private Map<String, UploadCaller> uploadCallers;

  @BeforeAll
  void fixtures() {
    Dossiers flow = new Dossiers(api);
    // Each endpoint gets a dossier of its own in a state where the good body would be taken, so that a hostile body
    // accepted by mistake on one endpoint cannot turn another endpoint's case into a mere state refusal.
    String open = flow.submit("citizen", CRIMINAL_RECORD); // status 1, components missing: add or reuse files
    String withdrawable = flow.submit("citizen", CRIMINAL_RECORD);
    String atReception = flow.submit("citizen", CRIMINAL_RECORD);
    String taskId = flow.task("clerk.stp", atReception).path("id").asText();
    String supplementAsked = flow.submit("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", supplementAsked, "supplement", "Bổ sung tờ khai có chữ ký");
    String feeDue = feeDue(flow); // status 6: the clerk may take the fee
    String feeDueToWaive = feeDue(flow);
    String finished = feeDue(flow);
    flow.payAtCounter("clerk.stp", finished); // status 9: the officers may upload the signed result
    String returned = feeDue(flow);
    flow.payAtCounter("clerk.stp", returned);
    flow.uploadResult("leader.stp", returned);
    flow.decide("clerk.stp", returned, "return", null); // status 10: the applicant may rate
    String staged = flow.submitComplete("citizen", "9.900001.000.01.21.H13"); // an inter-agency chain
    flow.decide("clerk.vithanh", staged, "accept", null); // at its first stage: the ward may attach its result
    // A still-valid TO_KHAI of the applicant's own warehouse (deposited when the clerk accepted the dossiers above).
    long warehouseItem = java.util.stream.StreamSupport.stream(api.get("citizen", "/api/warehouse").body()
            .spliterator(), false)
        .filter(i -> i.path("documentType").asText().equals("TO_KHAI")).findFirst()
        .orElseThrow(() -> new AssertionError("no TO_KHAI in citizen's warehouse")).path("id").asLong();

    String applicant = "{\"name\":\"Nguyễn Văn An\",\"idNumber\":\"093085000123\",\"phone\":\"0912345678\","
        + "\"email\":\"an.nguyen@example.vn\",\"address\":\"Phường Vị Thanh, Hậu Giang\"}";
    String submission = "{\"procedureCode\":\"" + CRIMINAL_RECORD + "\",\"applicant\":" + applicant + "}";
    String caseToChange = flow.submit("citizen", CRIMINAL_RECORD); // waits for reception: the clerk may change its case
    // A catalogue import waiting in preview (the configured catalogue's own sample), for the commit endpoint.
    long importId = api.upload("admin", "/api/admin/catalogue-imports", Map.of("file", new Api.FilePart(
        "catalogue.csv", readSample()))).body().path("id").asLong();
    jsonCallers = new java.util.HashMap<>(Map.of(
        "POST /api/dossiers", new JsonCaller("citizen", "/api/dossiers", submission),
        "POST /api/dossiers/{code}/supplements", new JsonCaller("citizen",
            "/api/dossiers/" + supplementAsked + "/supplements", "{\"note\":\"Đã bổ sung\"}"),
        "POST /api/dossiers/{code}/withdrawal", new JsonCaller("citizen",
            "/api/dossiers/" + withdrawable + "/withdrawal", "{\"reason\":\"Không cần nữa\"}"),
        "POST /api/dossiers/{code}/rating", new JsonCaller("citizen",
            "/api/dossiers/" + returned + "/rating", "{\"rating\":5,\"comment\":\"Tốt\"}"),
        "POST /api/counter/dossiers", new JsonCaller("clerk.stp", "/api/counter/dossiers",
            "{\"procedureCode\":\"" + CRIMINAL_RECORD + "\",\"channel\":1,\"resultDelivery\":1,\"applicant\":"
                + applicant + "}"),
        "POST /api/dossiers/{code}/documents/reuse", new JsonCaller("citizen",
            "/api/dossiers/" + open + "/documents/reuse",
            "{\"component\":\"TO_KHAI\",\"warehouseItemId\":" + warehouseItem + "}"),
        "POST /api/dossiers/{code}/payments/counter", new JsonCaller("clerk.stp",
            "/api/dossiers/" + feeDue + "/payments/counter", "{\"method\":\"CASH\",\"receiptNumber\":\"BL-1\"}"),
        "POST /api/dossiers/{code}/payments/exemption", new JsonCaller("clerk.stp",
            "/api/dossiers/" + feeDueToWaive + "/payments/exemption", "{\"reasonCode\":\"TRE_EM\",\"note\":\"x\"}"),
        "POST /api/dossiers/{code}/case", new JsonCaller("clerk.stp",
            "/api/dossiers/" + caseToChange + "/case", "{\"caseCode\":\"GIAM_PHI\"}"),
        "POST /api/tasks/{id}/complete", new JsonCaller("clerk.stp", "/api/tasks/" + taskId + "/complete",
            "{\"decision\":\"supplement\",\"note\":\"Thiếu tờ khai\"}")));
    jsonCallers.put("POST /api/dossiers/{code}/financial-obligation", new JsonCaller("citizen",
        "/api/dossiers/" + open + "/financial-obligation", "{\"receipt\":\"Chứng từ nộp thuế số 1\"}"));
    jsonCallers.put("PUT /api/notifications/preferences", new JsonCaller("citizen2",
        "/api/notifications/preferences", "{\"channels\":[\"EMAIL\"],\"language\":\"vi\"}"));
    jsonCallers.put("POST /api/admin/catalogue-imports/{id}/commit", new JsonCaller("admin",
        "/api/admin/catalogue-imports/" + importId + "/commit",
        "{\"effectiveFrom\":\"2031-01-01\",\"decision\":\"Quyết định 1/QĐ-UBND\"}"));
    // Issue 18: a birth registration filled in as an e-form, waiting for the commune's clerk; a draft of it.
    String birthForm = org.motcua.eform.FormDefinitionsTest.birth("2026-05-01").toString();
    String birth = "{\"procedureCode\":\"" + org.motcua.eform.FormDefinitionsTest.BIRTH + "\",\"agencyCode\":\""
        + Dossiers.VI_THANH + "\",\"applicant\":" + applicant + ",\"form\":" + birthForm + "}";
    Api.Response eform = api.call(org.springframework.http.HttpMethod.POST, "citizen", "/api/dossiers", birth, null);
    assertThat(eform.status()).as("e-form fixture: %s", eform).isEqualTo(201);
    String draft = "{\"procedureCode\":\"" + org.motcua.eform.FormDefinitionsTest.BIRTH + "\",\"data\":"
        + birthForm + "}";
    Api.Response drafted = api.call(org.springframework.http.HttpMethod.POST, "citizen2", "/api/drafts", draft,
        null);
    assertThat(drafted.status()).as("draft fixture: %s", drafted).isEqualTo(201);
    jsonCallers.put("POST /api/dossiers/{code}/form/corrections", new JsonCaller("clerk.vithanh",
        "/api/dossiers/" + eform.text("code") + "/form/corrections",
        "{\"field\":\"child.fullName\",\"value\":\"Nguyễn Minh Khôi\",\"reason\":\"Sai chính tả\"}"));
    jsonCallers.put("POST /api/procedures/{code}/form/case", new JsonCaller("citizen",
        "/api/procedures/" + org.motcua.eform.FormDefinitionsTest.BIRTH + "/form/case", "{\"form\":" + birthForm + "}"));
    jsonCallers.put("POST /api/drafts", new JsonCaller("citizen", "/api/drafts", draft));
    jsonCallers.put("PUT /api/drafts/{id}", new JsonCaller("citizen2", "/api/drafts/" + drafted.text("id"), draft));
    // Issue 16: feedback about the applicant's own dossier, one for each action and state.
    String about = "{\"dossierCode\":\"" + open + "\",\"title\":\"Chậm trả lời\",\"content\":\"Nội dung\"}";
    jsonCallers.put("POST /api/feedback", new JsonCaller("citizen", "/api/feedback", about));
    String text = "{\"text\":\"Trả lời của cơ quan\"}";
    for (String action : List.of("rejection", "information-request", "answer")) {
      jsonCallers.put("POST /api/feedback/{id}/" + action, new JsonCaller("clerk.stp",
          "/api/feedback/" + feedback(about, null) + "/" + action, text));
    }
    jsonCallers.put("POST /api/feedback/{id}/information", new JsonCaller("citizen",
        "/api/feedback/" + feedback(about, "information-request") + "/information", text));
    jsonCallers.put("POST /api/feedback/{id}/reaction", new JsonCaller("citizen",
        "/api/feedback/" + feedback(about, "answer") + "/reaction", "{\"reaction\":\"LIKE\"}"));
    uploadCallers = Map.of(
        "POST /api/dossiers (multipart)", new UploadCaller("citizen", "/api/dossiers", file -> Map.of(
            "dossier", json(submission), "TO_KHAI", file,
            "GIAY_TO_TUY_THAN", new Api.FilePart("cccd.pdf", Api.pdf("cccd")))),
        "POST /api/dossiers/{code}/documents (multipart)", new UploadCaller("citizen",
            "/api/dossiers/" + open + "/documents", file -> Map.of("component", "TO_KHAI", "file", file)),
        "POST /api/dossiers/{code}/result (multipart)", new UploadCaller("leader.stp",
            "/api/dossiers/" + finished + "/result", file -> Map.of("file", file)),
        "POST /api/dossiers/{code}/stage-result (multipart)", new UploadCaller("specialist.vithanh",
            "/api/dossiers/" + staged + "/stage-result", file -> Map.of("file", file)),
        "POST /api/admin/catalogue-imports (multipart)", new UploadCaller("admin", "/api/admin/catalogue-imports",
            file -> Map.of("file", file)));
  }

  private static byte[] readSample() {
    try {
      return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("config/samples/catalogue-import-sample.csv"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A feedback of the citizen, after Sở Tư pháp's {@code action} if any; its id. */
  private String feedback(String body, String action) {
    Api.Response written = api.call(org.springframework.http.HttpMethod.POST, "citizen", "/api/feedback", body, null);
    assertThat(written.status()).as("feedback fixture: %s", written).isEqualTo(201);
    String id = written.text("id");
    if (action != null) {
      Api.Response acted = api.call(org.springframework.http.HttpMethod.POST, "clerk.stp",
          "/api/feedback/" + id + "/" + action, "{\"text\":\"Đề nghị bổ sung\"}", null);
      assertThat(acted.status()).as("feedback fixture %s: %s", action, acted).isEqualTo(200);
    }
    return id;
  }

  /** Submitted with its files, accepted, appraised and approved: waiting for its fee (status 6). */
  private static String feeDue(Dossiers flow) {
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);
    flow.decide("specialist.stp", code, "forward", "Đủ điều kiện");
    flow.decide("leader.stp", code, "approve", "Đồng ý");
    return code;
  }

  // ---------------------------------------------------------------------------------------------------------------

  @Test
  @Order(0)
  void everyJsonAndUploadEndpointHasACaller() {
    assertThat(jsonCallers.keySet()).as("JSON endpoints of the API (a @RequestBody) and their callers here")
        .containsExactlyInAnyOrderElementsOf(endpoints(this::takesJson));
    assertThat(uploadCallers.keySet()).as("upload endpoints of the API (files) and their callers here")
        .containsExactlyInAnyOrderElementsOf(endpoints(this::takesFiles));
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> malformedJson() {
    return jsonCases("malformed", true, body -> body.substring(0, body.length() - 1) + ",\"");
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> wrongTypes() {
    return Stream.concat(jsonCases("wrong types", true, body -> wrongTypes(read(body)).toString()),
        jsonCases("an array for the object", true, body -> "[" + body + "]"));
  }

  @TestFactory
  @Order(3)
  Stream<DynamicTest> hugeStrings() {
    return jsonCases("1 MB strings", false, body -> huge(read(body)).toString());
  }

  @TestFactory
  @Order(4)
  Stream<DynamicTest> zeroByteAndOversizedFiles() {
    byte[] oversized = Arrays.copyOf(Api.pdf("big"), 200_001);
    return uploadCases(List.of(new Hostile("zero bytes", new Api.FilePart("empty.pdf", new byte[0])),
        new Hostile("oversized", new Api.FilePart("big.pdf", oversized))));
  }

  @TestFactory
  @Order(5)
  Stream<DynamicTest> polyglotAndWrongExtension() {
    byte[] polyglot = "%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"
        .getBytes(StandardCharsets.UTF_8);
    return uploadCases(List.of(new Hostile("polyglot x.html", new Api.FilePart("x.html", polyglot)),
        new Hostile("PNG named .pdf", new Api.FilePart("anh.pdf", png()))));
  }

  /** Last: if unknown fields are accepted, the good body underneath really acts on the fixtures. */
  @TestFactory
  @Order(6)
  Stream<DynamicTest> unknownFields() {
    return jsonCases("unknown field", true, body -> {
      ObjectNode node = (ObjectNode) read(body);
      node.put("unexpectedField", "x");
      return node.toString();
    });
  }

  // ---------------------------------------------------------------------------------------------------------------

  /**
   * @param unreadable the body cannot be read as the request (malformed, wrong types, unknown fields): exactly 400,
   *                   not a refusal for the dossier's state, whatever state the fixture is in
   */
  private Stream<DynamicTest> jsonCases(String what, boolean unreadable, Function<String, String> spoil) {
    return new TreeMap<>(jsonCallers).entrySet().stream().map(e -> DynamicTest.dynamicTest(what + ": " + e.getKey(),
        () -> {
          JsonCaller caller = e.getValue();
          assertRefusedStoringNothing(e.getKey() + ", " + what, unreadable,
              () -> api.call(org.springframework.http.HttpMethod.valueOf(e.getKey().split(" ")[0]), caller.user(),
                  caller.path(), spoil.apply(caller.body()), null));
        }));
  }

  private Stream<DynamicTest> uploadCases(List<Hostile> files) {
    return files.stream().flatMap(hostile -> new TreeMap<>(uploadCallers).entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(hostile.name() + ": " + e.getKey(), () -> {
          UploadCaller caller = e.getValue();
          assertRefusedStoringNothing(e.getKey() + ", " + hostile.name(), false,
              () -> api.upload(caller.user(), caller.path(), caller.parts().apply(hostile.file())));
        })));
  }

  private void assertRefusedStoringNothing(String what, boolean unreadable,
      java.util.function.Supplier<Api.Response> call) {
    Map<String, Long> rows = rowCounts();
    Map<String, Long> files = files();
    Api.Response response = call.get();
    if (unreadable) {
      assertThat(response.status()).as("%s: %s", what, response).isEqualTo(400);
    } else {
      assertThat(response.status()).as("%s: %s", what, response).isBetween(400, 499);
    }
    assertThat(response.contentType()).as("%s: %s", what, response)
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(rowCounts()).as("%s: row counts", what).isEqualTo(rows);
    assertThat(files()).as("%s: files under %s", what, documentsDir()).isEqualTo(files);
  }

  /** Each value of the good body replaced by one of another type (objects for strings, strings for numbers…). */
  private static JsonNode wrongTypes(JsonNode node) {
    ObjectNode wrong = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      if (value.isTextual()) {
        wrong.putObject(field.getKey()).put("nested", 1);
      } else if (value.isNumber()) {
        wrong.put(field.getKey(), "not a number");
      } else {
        wrong.put(field.getKey(), true);
      }
    }
    return wrong;
  }

  /** Every string of the good body (nested ones too) made 1 MB long. */
  private static JsonNode huge(JsonNode node) {
    ObjectNode copy = node.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getValue().isTextual()) {
        field.setValue(JsonNodeFactory.instance.textNode("A".repeat(HUGE)));
      } else if (field.getValue().isObject()) {
        field.setValue(huge(field.getValue()));
      }
    }
    return copy;
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  /** A real 1×1 PNG. */
  private static byte[] png() {
    return java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private boolean takesJson(HandlerMethod method) {
    return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
  }

  private boolean takesFiles(HandlerMethod method) {
    return Arrays.stream(method.getMethodParameters()).map(MethodParameter::getParameterType)
        .anyMatch(t -> MultipartFile.class.isAssignableFrom(t) || MultipartHttpServletRequest.class.isAssignableFrom(t));
  }

  /** The API's endpoints (under /api) whose handler method passes the test, named as the authorization matrix does. */
  private Set<String> endpoints(java.util.function.Predicate<HandlerMethod> which) {
    Set<String> found = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (!which.test(e.getValue())) {
        continue;
      }
      RequestMappingInfo info = e.getKey();
      boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().contains(MediaType.MULTIPART_FORM_DATA);
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/")) {
          info.getMethodsCondition().getMethods().forEach(m -> found.add(m.name() + " " + pattern
              + (multipart ? " (multipart)" : "")));
        }
      }
    }
    return found;
  }

  /** Rows of every motcua table (the engine's ACT_ tables, sign-in sessions and Flyway's own history left out). */
  private Map<String, Long> rowCounts() {
    List<String> tables = jdbc.execute((ConnectionCallback<List<String>>) c -> {
      List<String> names = new ArrayList<>();
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
      return names;
    });
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables) {
      String name = table.toLowerCase(java.util.Locale.ROOT);
      if (name.startsWith("act_") || name.startsWith("spring_session") || name.equals("flyway_schema_history")) {
        continue;
      }
      counts.put(name, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    assertThat(counts).as("motcua tables").containsKeys("dossier", "dossier_event", "document", "warehouse_item",
        "charge", "payment_attempt", "outbox_event");
    return counts;
  }

  private Path documentsDir() {
    return Path.of(env.getRequiredProperty("motcua.documents.dir"));
  }

  /** Every file under the documents folder, with its size. */
  private Map<String, Long> files() {
    Path dir = documentsDir();
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).collect(Collectors.toMap(p -> dir.relativize(p).toString(), p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, (a, b) -> a, TreeMap::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
