package org.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.Procedure;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.ImportedDossiers.ImportedDossier;
import org.motcua.dossier.Timeliness;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quarter and year series, the breakdown by administrative level, and the XLSX exports, over a small 2017 history
 * of the seed province written through the bulk path (so it can carry why handling stopped, which the import CSV
 * does not): a dossier carried from Q1 into Q2, one withdrawn, one refused, one overdue at the end of Q2 and finished
 * late in Q3, one in Q4. Nothing else in the suite uses 2017.
 */
@MotcuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeriesLevelAndXlsxTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // Sở Tư pháp (province level), FULL
  private static final String LAND_CHANGE = "1.013831.000.00.16.H13"; // VP Đăng ký đất đai (province level)
  private static final String BIRTH = "1.001193.000.00.21.H13"; // phường Vị Thanh (commune level), FULL
  private static final String PERIOD = "from=2017-01-01&to=2017-12-31";

  @Autowired
  Api api;
  @Autowired
  Environment env;
  @Autowired
  Catalog catalog;
  @Autowired
  HistoryRows rows;
  @Autowired
  PlatformTransactionManager transactions;

  @BeforeAll
  void history() {
    List<ImportedDossier> dossiers = List.of(
        dossier("XL17-1", CRIMINAL_RECORD, "000.00.12.H13", 2, "2017-03-30T09:00", "2017-04-13T09:00",
            "2017-04-12T10:00", 10, null), // Q1 open, not due → carried into Q2, finished early
        dossier("XL17-2", CRIMINAL_RECORD, "000.00.12.H13", 1, "2017-05-03T09:00", "2017-05-17T09:00",
            "2017-05-10T09:00", 8, "WITHDRAWN"), // early
        dossier("XL17-3", LAND_CHANGE, "000.20.16.H13", 3, "2017-06-01T09:00", "2017-06-08T09:00",
            "2017-06-08T08:00", 8, "REFUSED"), // on time
        dossier("XL17-4", BIRTH, "000.01.21.H13", 2, "2017-06-28T09:00", "2017-06-30T17:00",
            "2017-07-03T09:00", 10, null), // overdue at the end of Q2, late in Q3
        dossier("XL17-5", BIRTH, "000.01.21.H13", 1, "2017-11-15T09:00", "2017-11-15T17:00",
            "2017-11-15T10:00", 10, null)); // on time (the due date's day)
    new TransactionTemplate(transactions).executeWithoutResult(s -> rows.insert(dossiers));
  }

  private ImportedDossier dossier(String code, String procedureCode, String agency, int channel,
      String received, String due, String ended, int status, String stopReason) {
    Procedure p = catalog.procedure(procedureCode).orElseThrow();
    LocalDateTime r = LocalDateTime.parse(received);
    LocalDateTime d = LocalDateTime.parse(due);
    LocalDateTime e = LocalDateTime.parse(ended);
    DossierFacts facts = new DossierFacts(code, p.code(), p.field(), p.onlineLevel(), p.feeVnd(), agency,
        catalog.path(agency), channel, status, r.minusHours(1), r, d, status == 8 ? null : e,
        status == 10 ? e.plusHours(1) : null, e, Timeliness.classify(e, d, 0), 0, p.duration().unit(), false, 0, 0,
        false, false, stopReason);
    return new ImportedDossier(facts, p.name(), p.duration().value());
  }

  @Test
  void quartersCarryOverAndSplitTheProvincialColumns() {
    JsonNode q = get("/api/reports/breakdown?by=quarter&" + PERIOD);
    assertThat(keys(q)).containsExactly("2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4");
    assertThat(q.path("rows").get(1).path("label").asText()).isEqualTo("Quý 2/2017");
    // received, carriedOver, finished, early, onTime, late, inProgress, overdue, withdrawn, refused
    assertRow(q.path("rows").get(0), 1, 0, 0, 0, 0, 0, 1, 0, 0, 0);
    assertRow(q.path("rows").get(1), 3, 1, 3, 2, 1, 0, 1, 1, 1, 1);
    assertRow(q.path("rows").get(2), 0, 1, 1, 0, 0, 1, 0, 0, 0, 0);
    assertRow(q.path("rows").get(3), 1, 0, 1, 0, 1, 0, 0, 0, 0, 0);
    assertThat(q.path("rows").get(1).path("onTimeRate").asDouble()).isEqualTo(3.0 / 4);

    // A period that starts inside a quarter: the first quarter is clipped to it (XL17-1 ended before May).
    JsonNode clipped = get("/api/reports/breakdown?by=quarter&from=2017-05-01&to=2017-08-31");
    assertThat(keys(clipped)).containsExactly("2017-Q2", "2017-Q3");
    assertRow(clipped.path("rows").get(0), 3, 0, 2, 1, 1, 0, 1, 1, 1, 1);
    assertRow(clipped.path("rows").get(1), 0, 1, 1, 0, 0, 1, 0, 0, 0, 0);

    JsonNode year = get("/api/reports/breakdown?by=year&from=2016-07-01&to=2017-12-31");
    assertThat(keys(year)).containsExactly("2016", "2017");
    assertThat(year.path("rows").get(1).path("label").asText()).isEqualTo("Năm 2017");
    assertRow(year.path("rows").get(0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertRow(year.path("rows").get(1), 5, 0, 5, 2, 2, 1, 0, 0, 1, 1);
    assertRow(year.path("total"), 5, 0, 5, 2, 2, 1, 0, 0, 1, 1);
  }

  @Test
  void byLevelGroupsByTheReceivingAgencysLevel() {
    JsonNode level = get("/api/reports/breakdown?by=level&" + PERIOD);
    assertThat(keys(level)).containsExactly("PROVINCE", "COMMUNE");
    assertThat(level.path("rows").get(0).path("label").asText()).isEqualTo("Cấp tỉnh");
    assertRow(level.path("rows").get(0), 3, 0, 3, 2, 1, 0, 0, 0, 1, 1);
    assertRow(level.path("rows").get(1), 2, 0, 2, 0, 1, 1, 0, 0, 0, 0);
    // The summary carries the same provincial columns.
    JsonNode summary = get("/api/reports/summary?from=2017-04-01&to=2017-06-30");
    assertRow(summary, 3, 1, 3, 2, 1, 0, 1, 1, 1, 1);
  }

  @Test
  void breakdownWorkbookHasTheProvincialLayoutAndTheJsonNumbers() throws Exception {
    for (String by : List.of("agency", "quarter", "level")) {
      JsonNode json = get("/api/reports/breakdown?by=" + by + "&" + PERIOD);
      try (XSSFWorkbook wb = workbook("supervisor.tinh", "/api/reports/breakdown?by=" + by + "&" + PERIOD
          + "&format=xlsx")) {
        Sheet sheet = wb.getSheetAt(0);
        assertThat(text(sheet, 0, 0)).isEqualTo(ReportXlsx.TITLE);
        assertThat(text(sheet, 1, 0)).isEqualTo("Kỳ báo cáo: từ ngày 01/01/2017 đến ngày 31/12/2017");
        assertThat(text(sheet, 2, 0)).isEqualTo("Cơ quan: Ủy ban nhân dân thành phố Cần Thơ (000.00.00.H13)");
        int header = 5;
        assertThat(text(sheet, header, 2)).isEqualTo("Số hồ sơ nhận giải quyết");
        assertThat(text(sheet, header + 1, 3)).isEqualTo("Mới tiếp nhận trong kỳ");
        assertThat(text(sheet, header + 1, 4)).isEqualTo("Từ kỳ trước chuyển sang");
        assertThat(text(sheet, header, 5)).isEqualTo("Số hồ sơ đã giải quyết");
        assertThat(text(sheet, header + 1, 8)).isEqualTo("Quá hạn");
        assertThat(text(sheet, header, 9)).isEqualTo("Số hồ sơ đang giải quyết");
        assertThat(text(sheet, header + 1, 10)).isEqualTo("Chưa đến hạn");
        assertThat(text(sheet, header, 12)).isEqualTo("Rút hồ sơ");
        assertThat(text(sheet, header, 13)).isEqualTo("Từ chối giải quyết");
        assertThat(sheet.getMergedRegions()).anyMatch(m -> m.getFirstRow() == header && m.getFirstColumn() == 2
            && m.getLastColumn() == 4);
        int first = header + 3;
        JsonNode jsonRows = json.path("rows");
        for (int i = 0; i < jsonRows.size(); i++) {
          assertThat(text(sheet, first + i, 1)).startsWith(jsonRows.get(i).path("label").asText());
          assertSameNumbers(sheet.getRow(first + i), jsonRows.get(i));
        }
        Row total = sheet.getRow(first + jsonRows.size());
        assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
        assertSameNumbers(total, json.path("total"));
        assertThat(total.getCell(12).getNumericCellValue()).isEqualTo(1);
        assertThat(total.getCell(13).getNumericCellValue()).isEqualTo(1);
      }
    }
  }

  @Test
  void summaryWorkbookAndRegisterWorkbook() throws Exception {
    JsonNode summary = get("/api/reports/summary?from=2017-04-01&to=2017-06-30");
    try (XSSFWorkbook wb = workbook("supervisor.tinh", "/api/reports/summary?from=2017-04-01&to=2017-06-30"
        + "&format=xlsx")) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(text(sheet, 1, 0)).isEqualTo("Kỳ báo cáo: từ ngày 01/04/2017 đến ngày 30/06/2017");
      assertThat(text(sheet, 7, 1)).isEqualTo("Ủy ban nhân dân thành phố Cần Thơ (000.00.00.H13)");
      assertSameNumbers(sheet.getRow(7), summary);
    }

    JsonNode register = get("/api/reports/register?" + PERIOD);
    try (XSSFWorkbook wb = workbook("supervisor.stp", "/api/reports/register?" + PERIOD + "&format=xlsx")) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(text(sheet, 0, 0)).isEqualTo(ReportXlsx.REGISTER_TITLE);
      assertThat(text(sheet, 2, 0)).isEqualTo("Cơ quan: Sở Tư pháp thành phố Cần Thơ (000.00.12.H13)");
      assertThat(text(sheet, 4, 1)).isEqualTo("Mã hồ sơ");
      assertThat(sheet.getLastRowNum()).isEqualTo(4 + 2);
      assertThat(text(sheet, 5, 1)).isEqualTo("XL17-1");
      assertThat(text(sheet, 6, 1)).isEqualTo("XL17-2");
      assertThat(text(sheet, 6, 11)).isEqualTo("Trước hạn");
      assertThat(sheet.getRow(5).getCell(7).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.of(2017, 3, 30, 9, 0));
    }
    try (XSSFWorkbook wb = workbook("supervisor.tinh", "/api/reports/register?" + PERIOD + "&format=xlsx")) {
      Sheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getLastRowNum() - 4).isEqualTo(register.path("total").asInt()).isEqualTo(5);
      for (int i = 0; i < 5; i++) {
        JsonNode item = register.path("items").get(i);
        Row row = sheet.getRow(5 + i);
        assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(item.path("number").asLong());
        assertThat(row.getCell(1).getStringCellValue()).isEqualTo(item.path("code").asText());
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo(item.path("statusName").asText());
        assertThat(row.getCell(9).getLocalDateTimeCellValue().toEpochSecond(ZoneOffset.UTC)).isEqualTo(
            LocalDateTime.parse(item.path("endedAt").asText()).toEpochSecond(ZoneOffset.UTC));
      }
    }
  }

  @Test
  void workbooksHaveTheCsvExportsAccessRules() throws Exception {
    assertProblem(api.get("supervisor.stp", "/api/reports/breakdown?by=agency&" + PERIOD
        + "&agency=000.01.21.H13&format=xlsx"), 403, "REPORT_SCOPE_DENIED");
    assertProblem(api.get("supervisor.stp", "/api/reports/register?" + PERIOD + "&agency=000.00.00.H13&format=xlsx"),
        403, "REPORT_SCOPE_DENIED");
    assertProblem(api.get("supervisor.stp", "/api/reports/summary?" + PERIOD + "&agency=000.00.00.H13&format=xlsx"),
        403, "REPORT_SCOPE_DENIED");
    assertProblem(api.get("clerk.stp", "/api/reports/summary?" + PERIOD + "&format=xlsx"), 403, "ACCESS_DENIED");
    assertProblem(api.get("citizen", "/api/reports/register?" + PERIOD + "&format=xlsx"), 403, "ACCESS_DENIED");
    assertProblem(api.get(null, "/api/reports/breakdown?by=level&" + PERIOD + "&format=xlsx"), 401,
        "UNAUTHENTICATED");
    assertProblem(api.get("admin", "/api/reports/register?from=2017-12-31&to=2017-01-01&format=xlsx"), 400,
        "INVALID_PERIOD");
    assertProblem(api.get("admin", "/api/reports/breakdown?by=quarter&from=1980-01-01&to=2017-12-31"), 400,
        "PERIOD_TOO_LONG");
    assertProblem(api.get("admin", "/api/reports/breakdown?by=week&" + PERIOD), 400, "UNKNOWN_DIMENSION");
    assertProblem(api.get("admin", "/api/reports/breakdown?by=year&" + PERIOD + "&format=ods"), 400,
        "UNKNOWN_EXPORT_FORMAT");
    // The ADMIN sees every agency in a workbook too.
    try (XSSFWorkbook wb = workbook("admin:admin", "/api/reports/breakdown?by=level&" + PERIOD
        + "&agency=000.00.00.H13&format=xlsx")) {
      assertThat(text(wb.getSheetAt(0), 8, 1)).isEqualTo("Cấp tỉnh (PROVINCE)");
    }
  }

  /** Columns C… of a table line against the JSON row (counts exactly, rates to the double). */
  private static void assertSameNumbers(Row row, JsonNode r) {
    long finished = r.path("finished").asLong();
    long inProgress = r.path("inProgress").asLong();
    long overdue = r.path("inProgressOverdue").asLong();
    long[] expected = {finished + inProgress, r.path("received").asLong(), r.path("carriedOver").asLong(), finished,
        r.path("finishedEarly").asLong(), r.path("finishedOnTime").asLong(), r.path("finishedLate").asLong(),
        inProgress, inProgress - overdue, overdue, r.path("withdrawn").asLong(), r.path("refused").asLong()};
    for (int i = 0; i < expected.length; i++) {
      assertThat(row.getCell(2 + i).getNumericCellValue()).as("column %d", 2 + i).isEqualTo(expected[i]);
    }
    assertRate(row.getCell(14), r.path("onTimeRate"));
    assertThat(row.getCell(15).getNumericCellValue()).isEqualTo(r.path("receivedOnline").asLong());
    assertRate(row.getCell(16), r.path("onlineRate"));
  }

  private static void assertRate(Cell cell, JsonNode rate) {
    if (rate.isNull()) {
      assertThat(cell.getCellType()).isEqualTo(CellType.BLANK);
    } else {
      assertThat(cell.getNumericCellValue()).isEqualTo(rate.asDouble());
    }
  }

  private static void assertRow(JsonNode r, long received, long carriedOver, long finished, long early, long onTime,
      long late, long inProgress, long overdue, long withdrawn, long refused) {
    assertThat(List.of(r.path("received").asLong(), r.path("carriedOver").asLong(), r.path("finished").asLong(),
        r.path("finishedEarly").asLong(), r.path("finishedOnTime").asLong(), r.path("finishedLate").asLong(),
        r.path("inProgress").asLong(), r.path("inProgressOverdue").asLong(), r.path("withdrawn").asLong(),
        r.path("refused").asLong()))
        .as(r.toString())
        .containsExactly(received, carriedOver, finished, early, onTime, late, inProgress, overdue, withdrawn,
            refused);
  }

  private static String text(Sheet sheet, int row, int column) {
    return sheet.getRow(row).getCell(column).getStringCellValue();
  }

  private static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
  }

  private JsonNode get(String path) {
    Api.Response response = api.get("supervisor.tinh", path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  private static List<String> keys(JsonNode breakdown) {
    return StreamSupport.stream(breakdown.path("rows").spliterator(), false).map(r -> r.path("key").asText()).toList();
  }

  /** Fetches an export and opens it with POI; {@code user} is a demo user or "name:password". */
  private XSSFWorkbook workbook(String user, String path) throws Exception {
    String credentials = user.contains(":") ? user : user + ":demo";
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + env.getRequiredProperty("local.server.port") + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(ReportXlsx.MEDIA_TYPE);
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).endsWith(".xlsx\"");
    return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
  }
}
