package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Reports over the reform of 1 July 2025, read as received and in today's structure, from a March 2024 history of
 * tỉnh Hậu Giang's agencies (which the demo keeps, abolished, with their successors in thành phố Cần Thơ). This file
 * names the old agencies on purpose: rename-agencies.sh leaves it.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyHistoryReportTest {

  private static final String MARCH = "from=2024-03-01&to=2024-03-31";
  // The procedure codes as Hậu Giang published them: the import finds today's by their national code.
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H30";
  private static final String BIRTH = "1.001193.000.00.21.H30";

  @Autowired
  Api api;
  @Autowired
  Environment env;

  @BeforeAll
  void importHistory() throws Exception {
    JsonNode job = importCsv(String.join("\n", HistoryCsv.HEADER,
        row("000.00.12.H30-240304-8001", CRIMINAL_RECORD, "000.00.12.H30", "2024-03-04"), // Sở Tư pháp (old)
        row("000.00.12.H30-240305-8002", CRIMINAL_RECORD, "000.00.12.H30", "2024-03-05"),
        row("000.00.21.H30-240306-8003", BIRTH, "000.00.21.H30", "2024-03-06"), // thành phố Vị Thanh (district)
        row("000.01.21.H30-240307-8004", BIRTH, "000.01.21.H30", "2024-03-07"), // phường I → phường Vị Thanh
        row("000.01.21.H30-240308-8005", BIRTH, "000.01.21.H30", "2024-03-08"),
        row("000.02.21.H30-240311-8006", BIRTH, "000.02.21.H30", "2024-03-11"), // xã Vị Tân → phường Vị Tân
        row("000.04.21.H30-240312-8007", BIRTH, "000.04.21.H30", "2024-03-12"), // phường IV → phường Vị Tân
        row("000.09.21.H30-240313-8008", BIRTH, "000.09.21.H30", "2024-03-13")) + "\n", false); // Hỏa Tiến → Hỏa Lựu
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.path("rowsImported").asLong()).isEqualTo(8);
  }

  @Test
  void theProvinceTotalIsTheSameInBothViewsAndTheUnitsDiffer() {
    JsonNode received = get("supervisor.tinh", "/api/reports/summary?" + MARCH);
    JsonNode current = get("supervisor.tinh", "/api/reports/summary?" + MARCH + "&structure=CURRENT");
    assertThat(received.path("received").asLong()).isEqualTo(8);
    assertThat(current).isEqualTo(received);

    // As received: the old province's department and its district (with the district's wards and communes).
    assertThat(rows(get("supervisor.tinh", "/api/reports/breakdown?by=agency&" + MARCH)))
        .containsExactly(Map.entry("000.00.12.H30", 2L), Map.entry("000.00.21.H30", 6L));
    // In today's structure: the city's department and the three units that carry the district's work; the
    // district's own dossier goes to its first successor, phường Vị Thanh, and is counted once.
    JsonNode today = get("supervisor.tinh", "/api/reports/breakdown?by=agency&" + MARCH + "&structure=CURRENT");
    assertThat(rows(today)).containsExactly(Map.entry("000.00.12.H13", 2L), Map.entry("000.01.21.H13", 3L),
        Map.entry("000.02.21.H13", 2L), Map.entry("000.03.21.H13", 1L));
    assertThat(today.path("structure").asText()).isEqualTo("CURRENT");
    assertThat(today.path("rows").get(1).path("label").asText()).isEqualTo("Ủy ban nhân dân phường Vị Thanh");
    assertThat(rows(get("supervisor.tinh", "/api/reports/breakdown?by=level&" + MARCH)))
        .containsExactly(Map.entry("PROVINCE", 2L), Map.entry("DISTRICT", 1L), Map.entry("COMMUNE", 5L));
    assertThat(rows(get("supervisor.tinh", "/api/reports/breakdown?by=level&" + MARCH + "&structure=CURRENT")))
        .containsExactly(Map.entry("PROVINCE", 2L), Map.entry("COMMUNE", 6L));
    // The old district itself, as received: its own desk and its wards and communes of the time.
    assertThat(rows(get("supervisor.tinh", "/api/reports/breakdown?by=agency&" + MARCH + "&agency=000.00.21.H30")))
        .containsExactly(Map.entry("000.00.21.H30", 1L), Map.entry("000.01.21.H30", 2L),
            Map.entry("000.02.21.H30", 1L), Map.entry("000.04.21.H30", 1L), Map.entry("000.09.21.H30", 1L));
  }

  @Test
  void aWardOfTodayReadsTheHistoryOfTheUnitsItSucceeded() {
    JsonNode received = get("supervisor.vithanh", "/api/reports/summary?" + MARCH);
    assertThat(received.path("received").asLong()).isEqualTo(3);
    assertThat(get("supervisor.vithanh", "/api/reports/summary?" + MARCH + "&structure=CURRENT")).isEqualTo(received);
    assertThat(rows(get("supervisor.vithanh", "/api/reports/breakdown?by=agency&" + MARCH)))
        .containsExactly(Map.entry("000.00.21.H30", 1L), Map.entry("000.01.21.H30", 2L));
    assertThat(rows(get("supervisor.vithanh", "/api/reports/breakdown?by=agency&" + MARCH + "&structure=CURRENT")))
        .containsExactly(Map.entry("000.01.21.H13", 3L));

    // The register lists them in either view; each dossier keeps the agency that received it.
    JsonNode register = get("supervisor.vitan", "/api/reports/register?" + MARCH + "&structure=CURRENT");
    assertThat(register.path("items").findValuesAsText("code"))
        .containsExactly("000.02.21.H30-240311-8006", "000.04.21.H30-240312-8007");
    assertThat(register.path("items").findValuesAsText("agencyCode"))
        .containsExactly("000.02.21.H30", "000.04.21.H30");
    // An old ward wholly carried by the supervisor's ward can be read as received.
    assertThat(get("supervisor.vithanh", "/api/reports/summary?" + MARCH + "&agency=000.01.21.H30")
        .path("received").asLong()).isEqualTo(2);
    assertThat(get("supervisor.stp", "/api/reports/summary?" + MARCH + "&agency=000.00.12.H30")
        .path("received").asLong()).isEqualTo(2);
  }

  @Test
  void aSupervisorReadsOnlyTheirSubtreeInEitherView() {
    // The district was split among three wards: none of them reads it whole.
    denied("supervisor.vithanh", "/api/reports/summary?" + MARCH + "&agency=000.00.21.H30", 403, "REPORT_SCOPE_DENIED");
    denied("supervisor.vitan", "/api/reports/breakdown?by=agency&" + MARCH + "&agency=000.01.21.H30", 403,
        "REPORT_SCOPE_DENIED");
    denied("supervisor.vitan", "/api/reports/register?" + MARCH + "&agency=000.01.21.H30&format=csv", 403,
        "REPORT_SCOPE_DENIED");
    denied("supervisor.stp", "/api/reports/summary?" + MARCH + "&agency=000.00.00.H30", 403, "REPORT_SCOPE_DENIED");
    denied("supervisor.stp", "/api/reports/summary?" + MARCH + "&agency=000.00.00.H13&structure=CURRENT", 403,
        "REPORT_SCOPE_DENIED");
    // An abolished agency has no unit of its own in today's structure.
    Api.Response abolished = api.get("supervisor.stp", "/api/reports/summary?" + MARCH
        + "&agency=000.00.12.H30&structure=CURRENT");
    denied(abolished, 400, "AGENCY_NOT_CURRENT");
    assertThat(abolished.text("detail")).contains("000.00.12.H30", "2025-06-30", "000.00.12.H13");
    denied("supervisor.tinh", "/api/reports/summary?" + MARCH + "&structure=SIDEWAYS", 400, "UNKNOWN_STRUCTURE");
    denied("clerk.vithanh", "/api/reports/summary?" + MARCH + "&structure=CURRENT", 403, "ACCESS_DENIED");
  }

  @Test
  void exportsFollowTheChosenView() throws Exception {
    HttpResponse<byte[]> csv = raw("supervisor.tinh", "/api/reports/breakdown?by=agency&" + MARCH
        + "&structure=CURRENT&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("000.01.21.H13,Ủy ban nhân dân phường Vị Thanh,3,"));
    assertThat(lines.get(lines.size() - 1)).startsWith(",Tổng cộng,8,");
    HttpResponse<byte[]> xlsx = raw("supervisor.tinh", "/api/reports/breakdown?by=agency&" + MARCH
        + "&structure=CURRENT&format=xlsx");
    assertThat(xlsx.statusCode()).isEqualTo(200);
  }

  @Test
  void aHistoryLineNamingAnAgencyThatDidNotExistOnItsDayIsRefused() throws Exception {
    JsonNode job = importCsv(String.join("\n", HistoryCsv.HEADER,
        // phường Vị Thanh of today did not exist in 2024 ...
        row("000.01.21.H13-240305-8101", BIRTH, "000.01.21.H13", "2024-03-05"),
        row("000.03.21.H30-240305-8102", BIRTH, "000.03.21.H30", "2024-03-05"),
        // ... nor phường III after the reform.
        row("000.03.21.H30-250805-8103", BIRTH, "000.03.21.H30", "2025-08-05")) + "\n", false);
    assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("REJECTED");
    assertThat(job.path("rowsImported").asLong()).isZero();
    JsonNode errors = job.path("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).path("line").asLong()).isEqualTo(2);
    assertThat(errors.get(0).path("reason").asText()).isEqualTo("AGENCY_NOT_VALID");
    assertThat(errors.get(0).path("message").asText())
        .contains("agency_code=000.01.21.H13", "received_at=2024-03-05", "2025-07-01–");
    assertThat(errors.get(1).path("line").asLong()).isEqualTo(4);
    assertThat(errors.get(1).path("message").asText()).contains("agency_code=000.03.21.H30", "–2025-06-30");
  }

  @Test
  void theAgencyListIsTodaysUnlessAskedForAll() {
    JsonNode today = get("citizen", "/api/agencies");
    assertThat(today.findValuesAsText("code")).contains("000.00.00.H13", "000.01.21.H13")
        .doesNotContain("000.00.00.H30", "000.00.21.H30");
    JsonNode all = get("citizen", "/api/agencies?all=true");
    JsonNode district = StreamSupport.stream(all.spliterator(), false)
        .filter(a -> a.path("code").asText().equals("000.00.21.H30")).findFirst().orElseThrow();
    assertThat(district.path("level").asText()).isEqualTo("DISTRICT");
    assertThat(district.path("validTo").asText()).isEqualTo("2025-06-30");
    assertThat(district.path("successors").get(0).asText()).isEqualTo("000.01.21.H13");
  }

  @Test
  void theDashboardOffersBothViews() throws Exception {
    HttpClient browser = signedIn("supervisor.tinh");
    String asReceived = page(browser, "/supervisor/dashboard?" + MARCH);
    assertThat(asReceived).contains("<select id=\"structure\" name=\"structure\"",
        "<option value=\"RECEIVED\" selected=\"selected\">Theo cơ quan tiếp nhận</option>",
        "data-agency=\"000.00.21.H30\"", "Ủy ban nhân dân thành phố Vị Thanh (đến 30/06/2025)");
    String today = page(browser, "/supervisor/dashboard?" + MARCH + "&structure=CURRENT");
    assertThat(today).contains("<option value=\"CURRENT\" selected=\"selected\">Theo cơ cấu hiện nay</option>",
        "data-agency=\"000.01.21.H13\"", "structure=CURRENT&amp;format=csv")
        .doesNotContain("data-agency=\"000.00.21.H30\"", "(đến 30/06/2025)");
  }

  private HttpClient signedIn(String username) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
        .matcher(page(http, "/track"));
    assertThat(csrf.find()).isTrue();
    String form = "username=" + username + "&password=demo&_csrf="
        + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return http;
  }

  private String page(HttpClient http, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Accept", "text/html").header("Accept-Language", "vi").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static String row(String code, String procedure, String agency, String day) {
    String received = day + "T09:00";
    String due = day + "T16:00";
    String finished = day + "T15:00";
    return String.join(",", code, procedure, agency, "2", received, received, due, finished, finished, "10", "0",
        "", "", "", "");
  }

  /** Key → received, in the breakdown's order. */
  private static Map<String, Long> rows(JsonNode breakdown) {
    Map<String, Long> rows = new LinkedHashMap<>();
    breakdown.path("rows").forEach(r -> rows.put(r.path("key").asText(), r.path("received").asLong()));
    return rows;
  }

  private JsonNode get(String user, String path) {
    Api.Response response = api.get(user, path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  private void denied(String user, String path, int status, String code) {
    denied(api.get(user, path), status, code);
  }

  private static void denied(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
  }

  private JsonNode importCsv(String csv, boolean skipInvalid) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base() + "/api/admin/imports" + (skipInvalid ? "?skipInvalid=true" : "")))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String location = response.headers().firstValue("Location").orElseThrow();
    for (int i = 0; i < 300 && api.get("admin", location).text("state").equals("RUNNING"); i++) {
      Thread.sleep(100);
    }
    return api.get("admin", location).body();
  }

  private HttpResponse<byte[]> raw(String user, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private String base() {
    return "http://localhost:" + env.getRequiredProperty("local.server.port");
  }
}
