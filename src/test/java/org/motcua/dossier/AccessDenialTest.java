package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.process.EngineWebApps;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Every endpoint has an owner: the refusals, each with a problem+json body. */
@MotcuaTest
class AccessDenialTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  EngineWebApps engineWebApps;

  private Dossiers flow;

  @BeforeEach
  void setUp() {
    flow = new Dossiers(api);
  }

  @Test
  void anonymousCallsAreRefusedExceptThePublicCatalogAndCalendar() {
    assertProblem(api.get(null, "/api/dossiers"), 401, "UNAUTHENTICATED");
    assertProblem(api.post(null, "/api/dossiers", Dossiers.submission(CRIMINAL_RECORD)), 401, "UNAUTHENTICATED");
    assertProblem(api.get(null, "/api/tasks"), 401, "UNAUTHENTICATED");
    assertProblem(api.get(null, "/api/reports/summary?from=2025-01-01&to=2025-12-31"), 401, "UNAUTHENTICATED");
    assertThat(api.get(null, "/engine-rest/process-definition").status()).isEqualTo(401);

    assertThat(api.get(null, "/api/procedures").status()).isEqualTo(200);
    assertThat(api.get(null, "/api/agencies").status()).isEqualTo(200);
    assertThat(api.get(null, "/api/calendar/due?from=2025-01-23T09:00&workingDays=5").status()).isEqualTo(200);
  }

  @Test
  void aDisabledAccountIsRefusedAtItsNextCallThoughItsPasswordWasJustChecked() {
    assertThat(api.get("citizen2", "/api/dossiers?mine").status()).isEqualTo(200);
    jdbc.update("update app_user set enabled = false where username = 'citizen2'");
    try {
      assertProblem(api.get("citizen2", "/api/dossiers?mine"), 401, "UNAUTHENTICATED");
    } finally {
      jdbc.update("update app_user set enabled = true where username = 'citizen2'");
    }
    assertThat(api.get("citizen2", "/api/dossiers?mine").status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordIsRefused() {
    Api.Response response = api.call(org.springframework.http.HttpMethod.GET, "nobody", "/api/dossiers", null, null);
    assertProblem(response, 401, "UNAUTHENTICATED");
  }

  @Test
  void aCitizenCannotReadOrSupplementAnotherCitizensDossier() {
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    // Someone else's dossier is answered as one that does not exist.
    assertProblem(api.get("citizen2", "/api/dossiers/" + code), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.post("citizen2", "/api/dossiers/" + code + "/supplements", Map.of("note", "x")), 404,
        "UNKNOWN_DOSSIER");
    JsonNode mine = api.get("citizen2", "/api/dossiers?mine").body();
    assertThat(mine.path("items").findValuesAsText("code")).doesNotContain(code);
    assertThat(api.get("citizen", "/api/dossiers?mine").body().path("items").findValuesAsText("code")).contains(code);
  }

  @Test
  void officersSeeOnlyTheirAgencysDossiersAndTasks() {
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    String taskId = flow.task("clerk.stp", code).path("id").asText();

    // A clerk of another agency: not in the inbox, cannot claim, complete or read.
    assertThat(new org.motcua.support.Dossiers(api).inboxCodes("clerk.vithanh"))
        .doesNotContain(code);
    assertProblem(api.post("clerk.vithanh", "/api/tasks/" + taskId + "/complete", Map.of("decision", "accept")),
        404, "TASK_NOT_FOUND");
    assertProblem(api.post("clerk.vithanh", "/api/tasks/" + taskId + "/claim", null), 404, "TASK_NOT_FOUND");
    assertProblem(api.get("clerk.vithanh", "/api/dossiers/" + code), 404, "UNKNOWN_DOSSIER");
    // Same agency, wrong role: the specialist cannot do the clerk's reception.
    assertProblem(api.post("specialist.stp", "/api/tasks/" + taskId + "/complete", Map.of("decision", "accept")),
        403, "TASK_NOT_YOURS");
    // Citizens and supervisors have no inbox.
    assertProblem(api.get("citizen", "/api/tasks"), 403, "ACCESS_DENIED");
    assertProblem(api.get("supervisor.stp", "/api/tasks"), 403, "ACCESS_DENIED");
    // Officers do not submit as citizens.
    assertProblem(api.post("clerk.stp", "/api/dossiers", Dossiers.submission(CRIMINAL_RECORD)), 403, "ACCESS_DENIED");

    // Nothing changed: the task is still open for the right clerk.
    assertThat(flow.task("clerk.stp", code).path("assignee").isNull()).isTrue();
  }

  @Test
  void officersListOnlyTheirOwnAgencysDossiersAndSupervisorsTheirSubtree() {
    // A land dossier of the registration office, which sits below the department of agriculture and environment.
    String code = flow.submit("citizen", "1.013831.000.00.16.H13");
    assertThat(api.get("clerk.vpdk", "/api/dossiers?size=100").body().path("items").findValuesAsText("code"))
        .contains(code);
    assertThat(api.get("clerk.snnmt", "/api/dossiers?size=100").body().path("items").findValuesAsText("code"))
        .doesNotContain(code);
    assertThat(api.get("supervisor.snnmt", "/api/dossiers?size=100").body().path("items").findValuesAsText("code"))
        .contains(code);
  }

  @Test
  void aTaskClaimedByOneClerkCannotBeCompletedByAnother() {
    String code = flow.submit("citizen", CRIMINAL_RECORD);
    String taskId = flow.task("clerk.stp", code).path("id").asText();
    Api.Response claimed = api.post("clerk.stp", "/api/tasks/" + taskId + "/claim", null);
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
    assertThat(claimed.text("assignee")).isEqualTo("clerk.stp");
    assertThat(claimed.text("dossierCode")).isEqualTo(code);
  }

  @Test
  void supervisorsReadReportsOfTheirOwnSubtreeOnly() {
    assertThat(api.get("supervisor.stp", "/api/reports/summary?from=2026-01-01&to=2026-12-31").status())
        .isEqualTo(200);
    assertProblem(api.get("supervisor.stp", "/api/reports/summary?from=2026-01-01&to=2026-12-31&agency=000.00.00.H13"),
        403, "REPORT_SCOPE_DENIED");
    assertProblem(api.get("supervisor.vithanh",
        "/api/reports/summary?from=2026-01-01&to=2026-12-31&agency=000.00.12.H13"), 403, "REPORT_SCOPE_DENIED");
    assertThat(api.get("supervisor.tinh", "/api/reports/summary?from=2026-01-01&to=2026-12-31&agency=000.00.12.H13")
        .status()).isEqualTo(200);
    assertThat(api.get("admin", "/api/reports/summary?from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
    assertProblem(api.get("citizen", "/api/reports/summary?from=2026-01-01&to=2026-12-31"), 403, "ACCESS_DENIED");
    assertProblem(api.get("clerk.stp", "/api/reports/summary?from=2026-01-01&to=2026-12-31"), 403, "ACCESS_DENIED");
  }

  @Test
  void theEngineApiAndWebAppsAreForAdminsOnly() {
    assertThat(api.get("clerk.stp", "/engine-rest/process-definition").status()).isEqualTo(403);
    assertThat(api.get("supervisor.tinh", engineWebApps.path() + "/app/cockpit/default/").status()).isEqualTo(403);
    Api.Response admin = api.get("admin", "/engine-rest/process-definition?key=dossier-standard");
    assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
    assertThat(admin.body().findValuesAsText("key")).contains("dossier-standard");
  }

  static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("detail")).isNotBlank();
  }
}
