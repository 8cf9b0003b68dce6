package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.motcua.document.DocumentStore;
import org.motcua.document.OrphanSweep;
import org.motcua.document.S3ProxyServer;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17: the whole service with {@code motcua.documents.store=s3}, pointed at a real S3-compatible server in this
 * JVM (S3Proxy). A citizen submits online with two files, the clerk downloads them, the e-result is uploaded and the
 * citizen downloads it, a second dossier reuses a file from the e-data warehouse: every byte goes through the bucket,
 * none to the documents folder, and a refused submission leaves no object behind.
 */
@MotcuaTest
class S3DocumentStoreHttpTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final String BUCKET = "motcua-http";
  private static final S3ProxyServer SERVER = S3ProxyServer.start(BUCKET);
  private static final Path FOLDER = Path.of("target", "s3-http-test-files");

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) {
    registry.add("motcua.documents.store", () -> "s3");
    registry.add("motcua.documents.s3.endpoint", SERVER::endpoint);
    registry.add("motcua.documents.s3.bucket", () -> BUCKET);
    registry.add("motcua.documents.s3.region", () -> "us-east-1");
    registry.add("motcua.documents.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
    registry.add("motcua.documents.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
    registry.add("motcua.documents.s3.path-style", () -> "true");
    registry.add("motcua.documents.dir", FOLDER::toString);
  }

  @AfterAll
  static void stop() {
    SERVER.close();
  }

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DocumentStore store;
  @Autowired
  OrphanSweep sweep;

  @Test
  void filesOfASubmissionTheEResultAndAReusedFileLiveInTheBucket() {
    List<String> before = objects();
    byte[] declaration = Api.pdf("Tờ khai lý lịch tư pháp — S3");
    byte[] identity = Api.pdf("CCCD 093085000123 — S3");
    Api.Response submitted = api.upload("citizen", "/api/dossiers", submission(Map.of(
        "TO_KHAI", new Api.FilePart("to-khai.pdf", declaration),
        "GIAY_TO_TUY_THAN", new Api.FilePart("cccd.pdf", identity))));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String code = submitted.text("code");
    assertThat(added(before)).as("one object per file, under the key its row keeps")
        .containsExactlyInAnyOrderElementsOf(keys(code));

    // The clerk reads both files back from the bucket, byte for byte, with their SHA-256 as the row keeps it.
    Map<String, JsonNode> files = documents("clerk.stp", code);
    assertThat(download("clerk.stp", files.get("TO_KHAI"))).isEqualTo(declaration);
    assertThat(download("clerk.stp", files.get("GIAY_TO_TUY_THAN"))).isEqualTo(identity);
    assertThat(files.get("TO_KHAI").path("sha256").asText()).hasSize(64);

    Dossiers flow = new Dossiers(api);
    flow.decide("clerk.stp", code, "accept", null);
    flow.decide("specialist.stp", code, "forward", null);
    flow.decide("leader.stp", code, "approve", null);
    flow.payAtCounter("clerk.stp", code);
    byte[] eResult = Api.pdf("Phiếu lý lịch tư pháp " + code);
    Api.Response result = api.upload("leader.stp", "/api/dossiers/" + code + "/result",
        Map.of("file", new Api.FilePart("ket-qua.pdf", eResult)));
    assertThat(result.status()).as(result.toString()).isEqualTo(201);
    assertThat(flow.decide("clerk.stp", code, "return", null).path("status").asInt()).isEqualTo(10);
    assertThat(download("citizen", documents("citizen", code).get("RESULT"))).isEqualTo(eResult);
    assertThat(added(before)).hasSize(3).containsExactlyInAnyOrderElementsOf(keys(code));

    // A second dossier reuses the identity document from the e-data warehouse: the same object, not a copy.
    String second = flow.submit("citizen", CRIMINAL_RECORD);
    JsonNode offers = api.get("citizen", "/api/dossiers/" + second + "/reuse-offers").body();
    // The item this dossier deposited (the shared test database may hold the citizen's items of other tests' stores).
    String itemId = jdbc.queryForObject("select i.id from warehouse_item i join document d on d.storage_key ="
        + " i.storage_key join dossier x on x.id = d.dossier_id where x.code = ? and d.component_code ="
        + " 'GIAY_TO_TUY_THAN'", Long.class, code).toString();
    assertThat(StreamSupport.stream(offers.spliterator(), false)
        .filter(o -> o.path("component").asText().equals("GIAY_TO_TUY_THAN"))
        .findFirst().orElseThrow().path("items").findValuesAsText("id")).contains(itemId);
    Api.Response reused = api.post("citizen", "/api/dossiers/" + second + "/documents/reuse",
        Map.of("component", "GIAY_TO_TUY_THAN", "warehouseItemId", Long.parseLong(itemId)));
    assertThat(reused.status()).as(reused.toString()).isEqualTo(201);
    assertThat(download("clerk.stp", documents("clerk.stp", second).get("GIAY_TO_TUY_THAN"))).isEqualTo(identity);
    assertThat(added(before)).hasSize(3);

    assertThat(Files.exists(FOLDER)).as("nothing is written to the documents folder").isFalse();
  }

  /** The second file is refused after the first was stored: the rollback removes the first one's object too. */
  @Test
  void aRefusedSubmissionLeavesNoObjectBehind() {
    List<String> before = objects();
    Map<String, Api.FilePart> files = new LinkedHashMap<>();
    files.put("TO_KHAI", new Api.FilePart("to-khai.pdf", Api.pdf("Tờ khai")));
    files.put("GIAY_TO_TUY_THAN", new Api.FilePart("cccd.pdf", "không phải PDF".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));
    Api.Response refused = api.upload("citizen", "/api/dossiers", submission(files));
    assertProblem(refused, 415, "UNSUPPORTED_FILE_TYPE");
    assertThat(objects()).isEqualTo(before);
  }

  /**
   * A node that died between storing an upload's bytes and committing its row leaves an object no row names: the
   * sweep deletes it once it is older than the grace period, and never an object a dossier or the warehouse names.
   */
  @Test
  void theSweepDeletesObjectsNoRowNamesOnceTheirGraceIsOver() {
    String code = new Dossiers(api).submitComplete("citizen", CRIMINAL_RECORD);
    String orphan = store.put(Api.pdf("bytes whose transaction died"));
    List<String> named = new java.util.ArrayList<>(jdbc.queryForList("select storage_key from document", String.class));
    named.addAll(jdbc.queryForList("select storage_key from warehouse_item", String.class));
    List<String> namedObjects = objects().stream().filter(named::contains).toList();
    assertThat(objects()).contains(orphan);
    assertThat(namedObjects).containsAll(keys(code));

    assertThat(sweep.sweep()).as("within the grace period nothing goes").isEmpty();
    List<String> deleted = sweep.sweep(java.time.Instant.now().plus(java.time.Duration.ofHours(2)),
        java.time.LocalDate.now());
    assertThat(deleted).contains(orphan).doesNotContainAnyElementsOf(keys(code));
    assertThat(objects()).doesNotContain(orphan).containsAll(namedObjects);
    assertThat(sweep.sweep(java.time.Instant.now().plus(java.time.Duration.ofHours(2)), java.time.LocalDate.now()))
        .as("a second sweep finds nothing more").isEmpty();
  }

  private List<String> objects() {
    return SERVER.objectNames(BUCKET);
  }

  private List<String> added(List<String> before) {
    return objects().stream().filter(name -> !before.contains(name)).toList();
  }

  private List<String> keys(String code) {
    return jdbc.queryForList("select d.storage_key from document d join dossier x on x.id = d.dossier_id"
        + " where x.code = ?", String.class, code);
  }

  /** The dossier's files by component code ({@code RESULT} for the e-result), as the API lists them. */
  private Map<String, JsonNode> documents(String user, String code) {
    Api.Response listed = api.get(user, "/api/dossiers/" + code + "/documents");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    Map<String, JsonNode> byComponent = new LinkedHashMap<>();
    listed.body().forEach(d -> byComponent.put(d.path("kind").asText().equals("RESULT") ? "RESULT"
        : d.path("componentCode").asText(), d));
    return byComponent;
  }

  private byte[] download(String user, JsonNode document) {
    Api.Response content = api.get(user, "/api/documents/" + document.path("id").asText() + "/content");
    assertThat(content.status()).as(content.toString()).isEqualTo(200);
    assertThat(content.contentType()).isEqualTo("application/pdf");
    return content.raw();
  }

  private static Map<String, Object> submission(Map<String, Api.FilePart> files) {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("dossier", new HttpEntity<>(Dossiers.submission(CRIMINAL_RECORD), json));
    parts.putAll(files);
    return parts;
  }
}
