package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a specific problem+json in Vietnamese (English on request) and stores nothing. */
@MotcuaTest
class BadInputTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final String SIGNATURE = "2.000884.000.00.21.H13"; // not offered online

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  private long dossierRows() {
    return jdbc.queryForObject("select count(*) from dossier", Long.class);
  }

  @Test
  void rejectedSubmissionsStoreNothing() {
    long before = dossierRows();

    Api.Response unknown = api.post("citizen", "/api/dossiers", Dossiers.submission("9.999999.000.00.00.H13"));
    assertProblem(unknown, 400, "UNKNOWN_PROCEDURE");
    assertThat(unknown.text("detail")).isEqualTo("Không tìm thấy thủ tục hành chính có mã \"9.999999.000.00.00.H13\".");

    assertProblem(api.post("citizen", "/api/dossiers", Dossiers.submission(SIGNATURE)), 400, "PROCEDURE_NOT_ONLINE");

    Map<String, Object> badId = new HashMap<>(Dossiers.submission(CRIMINAL_RECORD));
    badId.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", "999085000123"));
    Api.Response invalidId = api.post("citizen", "/api/dossiers", badId);
    assertProblem(invalidId, 400, "INVALID_ID_NUMBER");
    assertThat(invalidId.text("detail")).contains("Căn cước công dân");

    Api.Response missing = api.post("citizen", "/api/dossiers", Map.of("procedureCode", CRIMINAL_RECORD,
        "applicant", Map.of("idNumber", "093085000123", "phone", "12345")));
    assertProblem(missing, 400, "VALIDATION_FAILED");
    assertThat(missing.body().path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("applicant.name", "applicant.phone");
    assertThat(missing.body().path("errors").findValuesAsText("message")).contains("không được để trống");

    Api.Response malformed = api.post("citizen", "/api/dossiers", "{\"procedureCode\": ");
    assertProblem(malformed, 400, "MALFORMED_REQUEST");
    // Its own message (a second key of the same name once made it speak of malformed addresses).
    assertThat(malformed.text("detail")).contains("JSON");

    assertThat(dossierRows()).isEqualTo(before);
  }

  @Test
  void messagesAreInEnglishWhenAskedFor() {
    Api.Response response = api.call(HttpMethod.GET, "citizen", "/api/dossiers/000.00.12.H13-990101-0001", null, "en");
    assertProblem(response, 404, "UNKNOWN_DOSSIER");
    assertThat(response.text("detail")).isEqualTo("No dossier has the code \"000.00.12.H13-990101-0001\".");
    assertThat(api.get("citizen", "/api/dossiers/000.00.12.H13-990101-0001").text("detail"))
        .isEqualTo("Không tìm thấy hồ sơ có mã \"000.00.12.H13-990101-0001\".");
  }

  @Test
  void taskDecisionsAreCheckedAndADoneTaskCannotBeCompletedTwice() {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    String taskId = flow.task("clerk.stp", code).path("id").asText();

    Api.Response notOffered = api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "approve"));
    assertProblem(notOffered, 400, "DECISION_NOT_OFFERED");
    assertThat(notOffered.text("detail")).contains("accept, supplement, refuse");
    assertProblem(api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "refuse")),
        400, "NOTE_REQUIRED");
    assertProblem(api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("note", "x")),
        400, "VALIDATION_FAILED");
    // None of the refused attempts left a trace on the dossier (submission and two uploads only).
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("history")).hasSize(3);

    assertThat(api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "accept")).status())
        .isEqualTo(200);
    assertProblem(api.post("clerk.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "accept")),
        404, "TASK_NOT_FOUND");
    assertProblem(api.post("citizen", "/api/dossiers/" + code + "/supplements", Map.of()), 409,
        "NO_SUPPLEMENT_REQUESTED");
  }

  @Test
  void reportParametersAreChecked() {
    assertProblem(api.get("admin", "/api/reports/summary?from=2025-12-31&to=2025-01-01"), 400, "INVALID_PERIOD");
    assertProblem(api.get("admin", "/api/reports/summary?from=2025-01-01&to=2025-12-31&agency=000.00.99.H99"), 400,
        "UNKNOWN_AGENCY");
    assertProblem(api.get("admin", "/api/reports/summary?from=2025-13-01&to=2025-12-31"), 400, "INVALID_PARAMETER");
    assertProblem(api.get("admin", "/api/reports/summary?from=2025-01-01"), 400, "MISSING_PARAMETER");
    assertProblem(api.get(null, "/api/procedures/9.999999"), 404, "UNKNOWN_PROCEDURE");
  }
}
