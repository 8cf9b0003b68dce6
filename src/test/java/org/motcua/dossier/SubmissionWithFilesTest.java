package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Online submission with its component files in one multipart call: all of it is stored, or nothing. */
@MotcuaTest
class SubmissionWithFilesTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Value("${motcua.documents.dir}")
  Path documentsDir;

  @Test
  void theDossierArrivesWithItsFilesReadyForReception() {
    Api.Response submitted = api.upload("citizen", "/api/dossiers", parts(Map.of(
        "TO_KHAI", new Api.FilePart("to-khai.pdf", Api.pdf("Tờ khai")),
        "GIAY_TO_TUY_THAN", new Api.FilePart("cccd.pdf", Api.pdf("CCCD")))));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String code = submitted.text("code");
    assertThat(submitted.headers().getLocation()).hasToString("/api/dossiers/" + code);
    assertThat(submitted.body().path("status").asInt()).isEqualTo(1);
    assertThat(submitted.body().path("currentSteps").findValuesAsText("taskKey")).containsExactly("reception");
    // The figures and the history count both files, one line each, as separate uploads would.
    assertThat(submitted.body().path("componentsSupplied").asInt()).isEqualTo(2);
    assertThat(submitted.body().path("componentsDigitized").asBoolean()).isTrue();
    assertThat(submitted.body().path("history").findValuesAsText("action"))
        .containsExactly("SUBMITTED", "DOCUMENT_ADDED", "DOCUMENT_ADDED");
    assertThat(jdbc.queryForObject("select components_supplied from dossier where code = ?", Integer.class, code))
        .isEqualTo(2);

    assertThat(api.get("citizen", "/api/dossiers/" + code + "/documents").body().findValuesAsText("componentCode"))
        .containsExactlyInAnyOrder("TO_KHAI", "GIAY_TO_TUY_THAN");
    // Complete as submitted: the clerk can accept at once.
    new Dossiers(api).decide("clerk.stp", code, "accept", null);
  }

  @Test
  void aRefusedFileStoresNoDossierNoRowAndNoFile() throws IOException {
    long dossiers = count("dossier");
    long documents = count("document");
    long files = filesStored();

    Api.Response refused = api.upload("citizen", "/api/dossiers", parts(Map.of(
        "TO_KHAI", new Api.FilePart("to-khai.pdf", Api.pdf("Tờ khai")),
        "GIAY_KHONG_CO", new Api.FilePart("khac.pdf", Api.pdf("Khác")))));
    assertProblem(refused, 400, "UNKNOWN_COMPONENT");

    Api.Response notAPdf = api.upload("citizen", "/api/dossiers", parts(Map.of(
        "TO_KHAI", new Api.FilePart("to-khai.pdf", "không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    assertProblem(notAPdf, 415, "UNSUPPORTED_FILE_TYPE");

    assertThat(count("dossier")).isEqualTo(dossiers);
    assertThat(count("document")).isEqualTo(documents);
    assertThat(filesStored()).isEqualTo(files);
  }

  @Test
  void onlyCitizensSubmitAndTheDossierPartIsChecked() {
    assertProblem(api.upload("clerk.stp", "/api/dossiers", parts(Map.of())), 403, "ACCESS_DENIED");
    assertProblem(api.upload(null, "/api/dossiers", parts(Map.of())), 401, "UNAUTHENTICATED");

    Map<String, Object> noDossier = new LinkedHashMap<>();
    noDossier.put("TO_KHAI", new Api.FilePart("to-khai.pdf", Api.pdf("Tờ khai")));
    assertThat(api.upload("citizen", "/api/dossiers", noDossier).status()).isEqualTo(400);
  }

  /** The dossier as a JSON part, then the files, each named by its component code. */
  private static Map<String, Object> parts(Map<String, Api.FilePart> files) {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    Map<String, Object> parts = new LinkedHashMap<>();
    parts.put("dossier", new HttpEntity<>(Dossiers.submission(CRIMINAL_RECORD), json));
    parts.putAll(files);
    return parts;
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private long filesStored() throws IOException {
    if (!Files.exists(documentsDir)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(documentsDir)) {
      return all.filter(Files::isRegularFile).count();
    }
  }
}
