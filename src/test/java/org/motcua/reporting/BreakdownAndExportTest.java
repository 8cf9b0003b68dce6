package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Breakdowns and CSV exports over a small 2022 history (imported, all ended in 2022): Sở Tư pháp, the land
 * registration office under the Department of Agriculture and Environment, and phường Vị Thanh.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakdownAndExportTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // Sở Tư pháp, FULL
  private static final String LAND_CHANGE = "1.013831.000.00.16.H13"; // VP Đăng ký đất đai 000.20.16.H13, PARTIAL
  private static final String BIRTH = "1.001193.000.00.21.H13"; // phường Vị Thanh, FULL

  @Autowired
  Api api;
  @Autowired
  Environment env;

  @BeforeAll
  void importHistory() throws Exception {
    String csv = String.join("\n", HistoryCsv.HEADER,
        row("000.00.12.H30-220301-9001", CRIMINAL_RECORD, "000.00.12.H30", 2, "2022-03-01T09:00", "2022-03-15T09:00", "2022-03-10T09:00", 0), // rename-agencies: keep
        row("000.00.12.H30-220302-9002", CRIMINAL_RECORD, "000.00.12.H30", 1, "2022-03-02T09:00", "2022-03-16T09:00", "2022-03-17T09:00", 0), // rename-agencies: keep
        row("000.20.16.H30-220404-9003", LAND_CHANGE, "000.20.16.H30", 2, "2022-04-04T09:00", "2022-04-11T09:00", "2022-04-11T08:00", 0), // rename-agencies: keep
        row("000.20.16.H30-220405-9004", LAND_CHANGE, "000.20.16.H30", 3, "2022-04-05T09:00", "2022-04-12T09:00", "2022-04-08T09:00", 2), // rename-agencies: keep
        row("000.01.21.H30-220406-9005", BIRTH, "000.01.21.H30", 2, "2022-04-06T09:00", "2022-04-06T17:00", "2022-04-06T10:00", 0)) + "\n"; // rename-agencies: keep
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base() + "/api/admin/imports"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
        .header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String location = response.headers().firstValue("Location").orElseThrow();
    for (int i = 0; i < 300 && api.get("admin", location).text("state").equals("RUNNING"); i++) {
      Thread.sleep(100);
    }
    assertThat(api.get("admin", location).body().path("rowsImported").asLong()).isEqualTo(5);
  }

  private static String row(String code, String procedure, String agency, int channel, String received, String due,
      String finished, int supplements) {
    return String.join(",", code, procedure, agency, String.valueOf(channel), received, received, due, finished,
        finished, "10", String.valueOf(supplements), "", "", "", "");
  }

  @Test
  void byAgencyRollsUpToTheUnitsDirectlyUnderTheScope() {
    JsonNode breakdown = get("supervisor.tinh", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31");
    // The 2022 history was received by the province's agencies of the time (tỉnh Hậu Giang), which the supervisor's
    // agency of today carries: as received, they are its units (phường I under its district, thành phố Vị Thanh).
    assertThat(keys(breakdown)).containsExactly("000.00.12.H30", "000.00.16.H30", "000.00.21.H30"); // rename-agencies: keep
    JsonNode agriculture = breakdown.path("rows").get(1);
    assertThat(agriculture.path("label").asText()).isEqualTo("Sở Nông nghiệp và Môi trường tỉnh Hậu Giang"); // rename-agencies: keep
    assertThat(agriculture.path("received").asLong()).isEqualTo(2); // received by its land registration office
    assertThat(agriculture.path("finishedOnTime").asLong()).isEqualTo(1);
    assertThat(agriculture.path("finishedLate").asLong()).isEqualTo(1); // two supplement requests
    assertThat(breakdown.path("total").path("received").asLong()).isEqualTo(5);

    JsonNode below = get("supervisor.snnmt", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31");
    assertThat(keys(below)).containsExactly("000.20.16.H30"); // rename-agencies: keep
    // An empty agency (a form's unchosen select) means no agency: the supervisor's own subtree, not an unknown one.
    assertThat(get("supervisor.tinh", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31&agency="))
        .isEqualTo(breakdown);
  }

  @Test
  void byChannelProcedureFieldAndMonth() {
    JsonNode channel = get("supervisor.tinh", "/api/reports/breakdown?by=channel&from=2022-01-01&to=2022-12-31");
    assertThat(keys(channel)).containsExactly("1", "2", "3");
    assertThat(channel.path("rows").get(1).path("label").asText()).isEqualTo("Trực tuyến");
    assertThat(channel.path("rows").get(1).path("received").asLong()).isEqualTo(3);

    JsonNode procedure = get("supervisor.tinh", "/api/reports/breakdown?by=procedure&from=2022-01-01&to=2022-12-31");
    assertThat(keys(procedure)).containsExactly(BIRTH, LAND_CHANGE, CRIMINAL_RECORD);
    JsonNode field = get("supervisor.tinh", "/api/reports/breakdown?by=field&from=2022-01-01&to=2022-12-31");
    assertThat(keys(field)).containsExactly("Hộ tịch", "Lý lịch tư pháp", "Đất đai");

    JsonNode months = get("supervisor.tinh", "/api/reports/breakdown?by=month&from=2022-03-15&to=2022-05-31");
    assertThat(keys(months)).containsExactly("2022-03", "2022-04", "2022-05");
    // March counts from the 15th: nothing received, two finished (10th is outside, 17th late inside).
    assertThat(months.path("rows").get(0).path("received").asLong()).isZero();
    assertThat(months.path("rows").get(0).path("finishedLate").asLong()).isEqualTo(1);
    assertThat(months.path("rows").get(1).path("received").asLong()).isEqualTo(3);
  }

  @Test
  void csvExportsHaveVietnameseHeadersAndAByteOrderMark() throws Exception {
    HttpResponse<byte[]> csv = raw("supervisor.tinh",
        "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    byte[] body = csv.body();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("Mã,Cơ quan,Tiếp nhận,Tiếp nhận trực tuyến,Tỷ lệ trực tuyến");
    assertThat(lines.get(1)).startsWith("000.00.12.H30,Sở Tư pháp tỉnh Hậu Giang,2,1,0.5000,0.5000,2,1,0,1,0,0,0.5000"); // rename-agencies: keep
    assertThat(lines.get(lines.size() - 1)).startsWith(",Tổng cộng,5,");
    // The provincial table's other columns, as in the Excel export: carried over, withdrawn, refused; then the
    // dossiers late because of the agency's own steps (issue 22); the satisfaction indicator's count and rate
    // (issue 16).
    assertThat(lines.get(0)).endsWith(",Tỷ lệ đúng hạn,Từ kỳ trước chuyển sang,Rút hồ sơ,Từ chối giải quyết,"
        + "Trễ hạn do cơ quan này,Không hài lòng hoặc có phản ánh,Tỷ lệ hài lòng");
    JsonNode json = get("supervisor.tinh", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31");
    JsonNode satisfaction = json.path("total").path("satisfactionRate");
    assertThat(lines.get(lines.size() - 1)).endsWith("," + json.path("total").path("carriedOver").asLong() + ","
        + json.path("total").path("withdrawn").asLong() + "," + json.path("total").path("refused").asLong() + ","
        + json.path("total").path("lateCausedBy").asLong() + "," + json.path("total").path("dissatisfied").asLong()
        + "," + (satisfaction.isNull() ? "" : String.format(java.util.Locale.ROOT, "%.4f", satisfaction.asDouble())));

    HttpResponse<byte[]> summary = raw("supervisor.tinh", "/api/reports/summary?from=2022-01-01&to=2022-12-31&format=csv");
    String text = new String(summary.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFTừ ngày,Đến ngày,Cơ quan,Tiếp nhận");
    assertThat(text.lines().toList().get(1)).startsWith("2022-01-01,2022-12-31,000.00.00.H13,5,3,");
  }

  @Test
  void theDossierRegisterListsThePeriodsDossiersInOrderOfReception() throws Exception {
    JsonNode register = get("supervisor.tinh", "/api/reports/register?from=2022-03-01&to=2022-04-30&size=3");
    assertThat(register.path("total").asLong()).isEqualTo(5);
    assertThat(register.path("items").findValuesAsText("code")).containsExactly("000.00.12.H30-220301-9001", "000.00.12.H30-220302-9002", "000.20.16.H30-220404-9003"); // rename-agencies: keep
    JsonNode second = register.path("items").get(1);
    assertThat(second.path("statusName").asText()).isEqualTo("Đã trả kết quả");
    assertThat(second.path("channelName").asText()).isEqualTo("Trực tiếp");
    assertThat(second.path("timeliness").asText()).isEqualTo("Quá hạn");
    JsonNode next = get("supervisor.tinh", "/api/reports/register?from=2022-03-01&to=2022-04-30&size=3&page=1");
    assertThat(next.path("items").findValuesAsText("code")).containsExactly("000.20.16.H30-220405-9004", "000.01.21.H30-220406-9005"); // rename-agencies: keep
    assertThat(next.path("items").get(0).path("number").asLong()).isEqualTo(4);
    JsonNode justice = get("supervisor.stp", "/api/reports/register?from=2022-03-01&to=2022-04-30");
    assertThat(justice.path("items").findValuesAsText("code")).containsExactly("000.00.12.H30-220301-9001", "000.00.12.H30-220302-9002"); // rename-agencies: keep

    HttpResponse<byte[]> csv = raw("supervisor.tinh", "/api/reports/register?from=2022-03-01&to=2022-04-30&format=csv");
    List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("\uFEFFSTT,Mã hồ sơ,Mã thủ tục,Tên thủ tục");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(5)).startsWith("5,000.01.21.H30-220406-9005," + BIRTH + ","); // rename-agencies: keep
    assertProblem(api.get("supervisor.stp", "/api/reports/register?from=2022-03-01&to=2022-04-30&format=csv"
        + "&agency=000.01.21.H13"), 403, "REPORT_SCOPE_DENIED");
  }

  @Test
  void refusalsAreProblems() {
    assertProblem(api.get("supervisor.stp", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31"
        + "&agency=000.00.00.H13"), 403, "REPORT_SCOPE_DENIED");
    assertProblem(api.get("supervisor.stp", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31"
        + "&agency=000.01.21.H13&format=csv"), 403, "REPORT_SCOPE_DENIED");
    assertProblem(api.get("clerk.stp", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31"), 403,
        "ACCESS_DENIED");
    assertProblem(api.get("citizen", "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31"), 403,
        "ACCESS_DENIED");
    assertProblem(api.get(null, "/api/reports/breakdown?by=agency&from=2022-01-01&to=2022-12-31"), 401,
        "UNAUTHENTICATED");
    assertProblem(api.get("admin", "/api/reports/breakdown?by=colour&from=2022-01-01&to=2022-12-31"), 400,
        "UNKNOWN_DIMENSION");
    assertProblem(api.get("admin", "/api/reports/breakdown?by=month&from=2000-01-01&to=2022-12-31"), 400,
        "PERIOD_TOO_LONG");
    assertProblem(api.get("admin", "/api/reports/summary?from=2022-01-01&to=2022-12-31&format=xml"), 400,
        "UNKNOWN_EXPORT_FORMAT");
    Api.Response english = api.call(org.springframework.http.HttpMethod.GET, "admin",
        "/api/reports/breakdown?by=colour&from=2022-01-01&to=2022-12-31", null, "en");
    assertThat(english.text("detail")).startsWith("Cannot break down by \"colour\"");
  }

  private static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
  }

  private JsonNode get(String user, String path) {
    Api.Response response = api.get(user, path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  private static List<String> keys(JsonNode breakdown) {
    return StreamSupport.stream(breakdown.path("rows").spliterator(), false).map(r -> r.path("key").asText()).toList();
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
