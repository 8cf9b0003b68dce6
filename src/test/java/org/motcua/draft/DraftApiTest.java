package org.motcua.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drafts through the API (issue 18): a citizen's own, saved, read, saved again, deleted; another citizen is answered
 * as for a draft that does not exist, an officer is refused; a draft is no dossier and expires (TestClock).
 */
@MotcuaTest
class DraftApiTest {

  private static final String BIRTH = "1.001193.000.00.21.H13";

  @Autowired
  Api api;
  @Autowired
  TestClock clock;
  @Autowired
  FormDrafts drafts;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aCitizenKeepsTheirOwnDraftsAndNobodyElseSeesThem() {
    long dossiers = count("select count(*) from dossier");
    Map<String, Object> body = Map.of("procedureCode", BIRTH,
        "data", Map.of("form", Map.of("child", Map.of("fullName", "Nguyễn Minh Khang"))));
    Api.Response created = api.post("citizen", "/api/drafts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    assertThat(created.headers().getLocation()).hasToString("/api/drafts/" + id);
    assertThat(created.body().path("data").path("form").path("child").path("fullName").asText())
        .isEqualTo("Nguyễn Minh Khang");
    LocalDateTime expires = LocalDateTime.parse(created.text("expiresAt"));
    assertThat(expires).isAfter(LocalDateTime.now(clock).plusDays(29)).isBefore(LocalDateTime.now(clock).plusDays(31));
    // Not a dossier: no code, nothing counted.
    assertThat(created.body().has("code")).isFalse();
    assertThat(count("select count(*) from dossier")).isEqualTo(dossiers);

    Api.Response mine = api.get("citizen", "/api/drafts");
    assertThat(StreamSupport.stream(mine.body().spliterator(), false).map(d -> d.path("id").asText()))
        .contains(id);
    assertThat(StreamSupport.stream(api.get("citizen2", "/api/drafts").body().spliterator(), false)
        .map(d -> d.path("id").asText())).doesNotContain(id);

    Api.Response saved = api.call(HttpMethod.PUT, "citizen", "/api/drafts/" + id, Map.of("procedureCode", BIRTH,
        "data", Map.of("form", Map.of("child", Map.of("fullName", "Nguyễn Minh Khôi")))), null);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(api.get("citizen", "/api/drafts/" + id).body().path("data").path("form").path("child")
        .path("fullName").asText()).isEqualTo("Nguyễn Minh Khôi");

    // Another citizen: as if it did not exist; an officer has no drafts.
    assertProblem(api.get("citizen2", "/api/drafts/" + id), 404, "UNKNOWN_DRAFT");
    assertProblem(api.call(HttpMethod.DELETE, "citizen2", "/api/drafts/" + id, null, null), 404, "UNKNOWN_DRAFT");
    assertProblem(api.get("clerk.vithanh", "/api/drafts"), 403, "ACCESS_DENIED");
    assertProblem(api.get(null, "/api/drafts"), 401, "UNAUTHENTICATED");

    assertThat(api.call(HttpMethod.DELETE, "citizen", "/api/drafts/" + id, null, null).status()).isEqualTo(204);
    assertProblem(api.get("citizen", "/api/drafts/" + id), 404, "UNKNOWN_DRAFT");
  }

  @Test
  void badDraftsAreRefusedWithProblemJson() {
    assertProblem(api.post("citizen", "/api/drafts", Map.of("procedureCode", "9.999999", "data", Map.of())), 404,
        "UNKNOWN_PROCEDURE");
    assertProblem(api.post("citizen", "/api/drafts", "{\"procedureCode\":\"" + BIRTH + "\",\"data\":[1,2]}"), 400,
        "DRAFT_NOT_AN_OBJECT");
    assertProblem(api.post("citizen", "/api/drafts", Map.of("procedureCode", BIRTH,
        "data", Map.of("note", "x".repeat(100_001)))), 413, "DRAFT_TOO_LARGE");
    Api.Response english = api.call(HttpMethod.GET, "citizen", "/api/drafts/987654321", null, "en");
    assertThat(english.text("detail")).isEqualTo("No draft number 987654321.");
    assertThat(api.get("citizen", "/api/drafts/987654321").text("detail")).isEqualTo("Không tìm thấy bản nháp số 987654321.");
  }

  @Test
  void aDraftExpiresAndTheSweepDeletesIt() {
    Api.Response created = api.post("citizen2", "/api/drafts", Map.of("procedureCode", BIRTH, "data", Map.of()));
    String id = created.text("id");
    clock.set(LocalDateTime.now(clock).plusDays(29));
    assertThat(api.get("citizen2", "/api/drafts/" + id).status()).isEqualTo(200);
    clock.set(LocalDateTime.now(clock).plusDays(1).plusMinutes(1));
    assertProblem(api.get("citizen2", "/api/drafts/" + id), 404, "UNKNOWN_DRAFT");
    assertThat(count("select count(*) from form_draft where id = " + id)).isEqualTo(1);
    assertThat(drafts.deleteExpired()).isGreaterThanOrEqualTo(1);
    assertThat(count("select count(*) from form_draft where id = " + id)).isZero();
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("detail")).isNotBlank();
  }
}
