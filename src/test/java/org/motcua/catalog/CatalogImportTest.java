package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.motcua.common.CsvWriter;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.motcua.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Catalogue import over real HTTP. It changes the catalogue, so it runs on a database and a Spring context of its own
 * (thrown away afterwards): the rest of the suite keeps the configured catalogue.
 */
@MotcuaTest
// Its own engine name and no Camunda web apps: closing this context must not take the suite's engine with it.
@TestPropertySource(properties = {"camunda.bpm.process-engine-name=catalogueimport",
    "camunda.bpm.webapp.enabled=false"})
@DirtiesContext
class CatalogImportTest {

  private static final String BASE = "/api/admin/catalogue-imports";
  /** Phiếu lý lịch tư pháp, Sở Tư pháp: received at the counter by clerk.stp. */
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final String WITHDRAWN = "1.011441.000.00.16.H13";
  private static final String ADDED = "1.099999.000.00.16.H13";
  /** Đăng ký khai sinh: on time (free) or late (a fee), at the communes; Vị Thanh is one of them. */
  private static final String BIRTH = "1.001193.000.00.21.H13";
  private static final String VI_THANH = "000.01.21.H13";
  /** Chứng thực bản sao: a simple case (the default) and a complex one. */
  private static final String CERTIFIED_COPY = "2.000815.000.00.21.H13";
  private static final Path SAMPLE = Path.of("config/samples/catalogue-import-sample.csv");

  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    if (!"postgresql".equals(System.getProperty("motcua.test.database"))) {
      registry.add("spring.datasource.url",
          () -> "jdbc:h2:mem:motcua-catalogue-import;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      return;
    }
    String schema = TestProfiles.freshSchema("_catalogue_import");
    registry.add("motcua.test.pg.schema", () -> schema);
  }

  @Autowired
  Api api;
  @Autowired
  Catalog catalog;
  @Autowired
  CatalogImports imports;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;
  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;
  @org.springframework.beans.factory.annotation.Value("${local.server.port}")
  int port;

  /** The catalogue in force as the import layout's rows (header first), cells editable. */
  private List<List<String>> table() {
    List<List<String>> rows = new ArrayList<>();
    CatalogImportExport.table(catalog, catalog.procedures()).forEach(r -> rows.add(new ArrayList<>(r)));
    return rows;
  }

  private static byte[] csv(List<List<String>> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter writer = new CsvWriter(out);
    for (List<String> row : rows) {
      writer.line(row);
    }
    writer.flush();
    return out.toByteArray();
  }

  private static byte[] xlsx(List<List<String>> rows) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Danh mục");
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          String cell = rows.get(r).get(c);
          // As a spreadsheet holds them: durations and amounts as numbers.
          if (r > 0 && cell.matches("\\d{1,9}")) {
            row.createCell(c).setCellValue(Long.parseLong(cell));
          } else {
            row.createCell(c).setCellValue(cell);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private Api.Response send(String user, String name, byte[] content) {
    return api.upload(user, BASE, Map.of("file", new Api.FilePart(name, content)));
  }

  /** The CSV line row {@code index} starts on (the header is row 0, line 1). */
  private static int lineOf(List<List<String>> rows, int index) {
    int line = 1;
    for (List<String> row : rows.subList(0, index)) {
      line += 1 + row.stream().mapToInt(c -> (int) c.chars().filter(ch -> ch == '\n').count()).sum();
    }
    return line;
  }

  private static int column(CatalogImportColumn column) {
    return column.ordinal();
  }

  private static List<String> row(List<List<String>> rows, String code) {
    return rows.stream().filter(r -> r.get(column(CatalogImportColumn.CODE)).equals(code)).findFirst().orElseThrow();
  }

  /** The row of one case of a procedure with cases. */
  private static List<String> caseRow(List<List<String>> rows, String code, String caseCode) {
    return rows.stream().filter(r -> r.get(column(CatalogImportColumn.CODE)).equals(code)
        && r.get(column(CatalogImportColumn.CASE_CODE)).equals(caseCode)).findFirst().orElseThrow();
  }

  private int storedImports() {
    return jdbc.queryForObject("select count(*) from catalogue_import", Integer.class)
        + jdbc.queryForObject("select count(*) from catalogue_import_entry", Integer.class);
  }

  @Test
  void aBadFileReportsEveryErrorWithItsLineAndColumnAndImportsNothing() throws Exception {
    List<List<String>> rows = table();
    rows.get(1).set(column(CatalogImportColumn.DURATION), "ba");                       // line 2
    rows.get(2).set(column(CatalogImportColumn.NAME), "");                             // line 3
    rows.get(3).set(column(CatalogImportColumn.DURATION_UNIT), "tuần");                // line 4
    rows.get(4).set(column(CatalogImportColumn.OFFERINGS), "000.99.99.H13");           // line 5
    rows.get(5).set(column(CatalogImportColumn.ONLINE_LEVEL), "mức 9");                // line 6
    rows.get(6).set(column(CatalogImportColumn.STEPS), "reception=1; appraisal=3; approval=2; delivery=1");
    rows.get(7).set(column(CatalogImportColumn.FEE_SCHEDULE), "{not json");            // line 8
    List<Procedure> before = catalog.procedures();
    int storedBefore = storedImports();

    Api.Response answer = send("admin", "danh-muc-loi.csv", csv(rows));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
    assertThat(answer.contentType()).contains("application/problem+json");
    assertThat(answer.text("code")).isEqualTo("CATALOGUE_IMPORT_INVALID");
    List<String> errors = StreamSupport.stream(answer.body().path("errors").spliterator(), false)
        .map(e -> e.path("file").asText() + ":" + e.path("line").asInt() + ":" + e.path("field").asText() + ":"
            + e.path("code").asText())
        .toList();
    // Lines as an editor shows the CSV: a record starts on the line after the previous one's last (components are
    // one a line inside their quoted cell).
    assertThat(errors).containsExactly(
        "danh-muc-loi.csv:" + lineOf(rows, 1) + ":Thời hạn giải quyết:BAD_NUMBER",
        "danh-muc-loi.csv:" + lineOf(rows, 2) + ":Tên thủ tục:REQUIRED",
        "danh-muc-loi.csv:" + lineOf(rows, 3) + ":Đơn vị thời hạn:BAD_UNIT",
        "danh-muc-loi.csv:" + lineOf(rows, 4) + ":Cơ quan thực hiện:UNKNOWN_AGENCY",
        "danh-muc-loi.csv:" + lineOf(rows, 5) + ":Mức độ dịch vụ công trực tuyến:BAD_ONLINE_LEVEL",
        "danh-muc-loi.csv:" + lineOf(rows, 6) + ":Định mức các bước (giờ làm việc):CATALOGUE_RULE",
        "danh-muc-loi.csv:" + lineOf(rows, 7) + ":Biểu phí chi tiết (JSON):BAD_FEE_SCHEDULE");
    assertThat(lineOf(rows, 2)).isGreaterThan(3);
    assertThat(answer.body().path("errors").get(5).path("message").asText())
        .startsWith("Không đúng quy tắc danh mục: steps: the model dossier-standard.bpmn has no step [delivery]");
    JsonNode first = answer.body().path("errors").get(0);
    assertThat(first.path("message").asText()).isEqualTo("\"ba\" không phải là số nguyên không âm.");
    assertThat(answer.body().path("errors").get(3).path("message").asText())
        .isEqualTo("Không có cơ quan mã định danh \"000.99.99.H13\" trong danh mục cơ quan.");
    // Nothing stored, nothing installed.
    assertThat(storedImports()).isEqualTo(storedBefore);
    assertThat(catalog.procedures()).isEqualTo(before);
  }

  @Test
  void aFileWithoutItsRequiredColumnsSaysWhichAreMissing() throws Exception {
    Api.Response answer = send("admin", "thieu-cot.csv",
        "Mã thủ tục,Tên thủ tục,Cột lạ\n1.1,Tên,x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(422);
    List<String> errors = StreamSupport.stream(answer.body().path("errors").spliterator(), false)
        .map(e -> e.path("line").asInt() + ":" + e.path("code").asText() + ":" + e.path("field").asText()).toList();
    assertThat(errors).containsExactly("1:UNKNOWN_COLUMN:Cột lạ", "1:MISSING_COLUMN:Mã TTHC quốc gia",
        "1:MISSING_COLUMN:Lĩnh vực", "1:MISSING_COLUMN:Cấp thực hiện", "1:MISSING_COLUMN:Cơ quan thực hiện",
        "1:MISSING_COLUMN:Thời hạn giải quyết", "1:MISSING_COLUMN:Đơn vị thời hạn",
        "1:MISSING_COLUMN:Thành phần hồ sơ", "1:MISSING_COLUMN:Mức độ dịch vụ công trực tuyến");
  }

  /** The file read back from the catalogue in force changes nothing, as CSV and as XLSX. */
  @Test
  void theCatalogueInForceReadsBackUnchangedFromCsvAndXlsx() throws Exception {
    List<List<String>> rows = table();
    for (Api.Response preview : List.of(send("admin", "danh-muc.csv", csv(rows)),
        send("admin", "danh-muc.xlsx", xlsx(rows)))) {
      assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
      assertThat(preview.body().path("procedures").asInt()).isEqualTo(catalog.procedures().size());
      assertThat(preview.body().path("unchanged").asInt()).isEqualTo(catalog.procedures().size());
      assertThat(preview.body().path("added")).isEmpty();
      assertThat(preview.body().path("changed")).isEmpty();
      assertThat(preview.body().path("withdrawn")).isEmpty();
      Api.Response commit = api.post("admin", BASE + "/" + preview.text("id") + "/commit",
          Map.of("effectiveFrom", LocalDate.now(clock).toString(), "decision", "QĐ 1/QĐ-UBND"));
      assertThat(commit.status()).isEqualTo(409);
      assertThat(commit.text("code")).isEqualTo("CATALOGUE_IMPORT_NO_CHANGES");
    }
    Api.Response exported = api.get("admin", BASE + "/current.csv");
    assertThat(exported.status()).isEqualTo(200);
    assertThat(new String(exported.raw(), StandardCharsets.UTF_8)).contains("Mã thủ tục,Mã TTHC quốc gia");
  }

  /** The shipped sample is the configured catalogue in the import layout. */
  @Test
  void theSampleFileIsTheConfiguredCatalogue() throws Exception {
    Catalog configured = new Catalog(new DefaultResourceLoader(), "file:config/");
    byte[] expected = CatalogImportExport.csv(configured, configured.procedures());
    if (Boolean.getBoolean("motcua.write-catalogue-sample")) {
      Files.createDirectories(SAMPLE.getParent());
      Files.write(SAMPLE, expected);
    }
    assertThat(new String(Files.readAllBytes(SAMPLE), StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
  }

  @Test
  void anAmendmentIsPreviewedThenInForceFromItsDateWhileDossiersInFlightKeepTheirVersion() throws Exception {
    // A dossier received under the version in force.
    Map<String, Object> counter = new HashMap<>();
    counter.put("procedureCode", CRIMINAL_RECORD);
    counter.put("channel", 1);
    counter.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", "093085000123", "phone", "0912345678"));
    Api.Response received = api.post("clerk.stp", "/api/counter/dossiers", counter);
    assertThat(received.status()).as(received.toString()).isEqualTo(201);
    String dossier = received.text("code");
    String dueAt = received.text("dueAt");
    long fee = received.body().path("feeVnd").asLong();
    Procedure old = catalog.procedure(CRIMINAL_RECORD).orElseThrow();

    // The amendment: a longer time limit and a new fee for one procedure, one withdrawn, one added.
    List<List<String>> rows = table();
    List<String> amended = row(rows, CRIMINAL_RECORD);
    amended.set(column(CatalogImportColumn.DURATION), String.valueOf(old.duration().value() + 5));
    amended.set(column(CatalogImportColumn.STEPS), "");
    amended.set(column(CatalogImportColumn.FEE_SCHEDULE), "");
    amended.set(column(CatalogImportColumn.FEE), "250.000");
    List<String> added = new ArrayList<>(row(rows, WITHDRAWN));
    added.set(column(CatalogImportColumn.CODE), ADDED);
    added.set(column(CatalogImportColumn.NATIONAL_CODE), "1.099999");
    added.set(column(CatalogImportColumn.NAME), "Thủ tục thử nghiệm nhập danh mục");
    rows.remove(row(rows, WITHDRAWN));
    rows.add(added);

    Api.Response preview = send("admin", "sua-doi.csv", csv(rows));
    assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
    JsonNode view = preview.body();
    assertThat(view.path("state").asText()).isEqualTo("PREVIEW");
    assertThat(codes(view.path("added"))).containsExactly(ADDED);
    assertThat(codes(view.path("withdrawn"))).containsExactly(WITHDRAWN);
    assertThat(codes(view.path("changed"))).containsExactly(CRIMINAL_RECORD);
    // The steps follow the new time limit (split by default, as the cell was left empty).
    assertThat(StreamSupport.stream(view.path("changed").get(0).path("aspects").spliterator(), false)
        .map(JsonNode::asText).toList()).containsExactly("duration", "fee", "steps", "cases");
    assertThat(view.path("unchanged").asInt()).isEqualTo(catalog.procedures().size() - 2);
    // A preview installs nothing.
    assertThat(catalog.procedure(CRIMINAL_RECORD)).contains(old);
    assertThat(catalog.procedure(ADDED)).isEmpty();

    String id = preview.text("id");
    List<List<String>> other = table();
    other.get(1).set(column(CatalogImportColumn.LEGAL_BASIS), "Căn cứ pháp lý sửa đổi");
    String otherPreview = send("admin", "khac.csv", csv(other)).text("id");
    LocalDate today = LocalDate.now(clock);
    Api.Response past = api.post("admin", BASE + "/" + id + "/commit",
        Map.of("effectiveFrom", today.minusDays(1).toString(), "decision", "QĐ 1"));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.text("code")).isEqualTo("CATALOGUE_IMPORT_EFFECTIVE_IN_PAST");
    Api.Response noDecision = api.post("admin", BASE + "/" + id + "/commit",
        Map.of("effectiveFrom", today.toString(), "decision", " "));
    assertThat(noDecision.text("code")).isEqualTo("CATALOGUE_IMPORT_DECISION_REQUIRED");

    // Committed from tomorrow: today's catalogue is still the old one.
    LocalDate tomorrow = today.plusDays(1);
    Api.Response committed = api.post("admin", BASE + "/" + id + "/commit",
        Map.of("effectiveFrom", tomorrow.toString(), "decision", "Quyết định 123/QĐ-UBND"));
    assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
    assertThat(committed.text("state")).isEqualTo("COMMITTED");
    assertThat(committed.text("decision")).isEqualTo("Quyết định 123/QĐ-UBND");
    assertThat(committed.text("committedBy")).isEqualTo("admin");
    assertThat(api.post("admin", BASE + "/" + id + "/commit",
        Map.of("effectiveFrom", tomorrow.toString(), "decision", "QĐ")).text("code"))
        .isEqualTo("CATALOGUE_IMPORT_ALREADY_COMMITTED");
    // Today's version, now ending today.
    assertThat(catalog.procedure(CRIMINAL_RECORD)).contains(old.withValidity(old.validFrom(), today));
    assertThat(catalog.procedure(WITHDRAWN)).isPresent();
    Procedure amendedVersion = catalog.procedure(CRIMINAL_RECORD, tomorrow).orElseThrow();
    assertThat(amendedVersion.duration().value()).isEqualTo(old.duration().value() + 5);
    assertThat(amendedVersion.feeVnd()).isEqualTo(250_000);
    assertThat(catalog.procedure(WITHDRAWN, tomorrow)).isEmpty();
    assertThat(catalog.procedure(ADDED, tomorrow)).isPresent();

    // Tomorrow: the new version is in force; the dossier received today keeps its due date and fee.
    clock.set(tomorrow.atTime(9, 0));
    try {
      assertThat(catalog.procedure(CRIMINAL_RECORD)).contains(amendedVersion);
      assertThat(api.get(null, "/api/procedures/" + ADDED).status()).isEqualTo(200);
      assertThat(api.get(null, "/api/procedures/" + WITHDRAWN).status()).isEqualTo(404);
      Api.Response still = api.get("clerk.stp", "/api/dossiers/" + dossier);
      assertThat(still.text("dueAt")).isEqualTo(dueAt);
      assertThat(still.body().path("feeVnd").asLong()).isEqualTo(fee);
      // A dossier received now is bound to the new version.
      Api.Response fresh = api.post("clerk.stp", "/api/counter/dossiers", counter);
      assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
      assertThat(fresh.body().path("feeVnd").asLong()).isEqualTo(250_000);

      // A restart (or another node) reads the configuration, then re-applies the stored imports at start-up: the
      // same catalogue.
      Catalog restarted = new Catalog(new DefaultResourceLoader(), "file:config/", clock);
      assertThat(restarted.procedure(CRIMINAL_RECORD)).contains(old);
      CatalogImports startUp = new CatalogImports(restarted, jdbc, transactions, clock, java.time.Duration.ZERO);
      startUp.start();
      assertThat(restarted.procedures()).isEqualTo(catalog.procedures());
      assertThat(restarted.procedure(CRIMINAL_RECORD, today)).isEqualTo(catalog.procedure(CRIMINAL_RECORD, today));
    } finally {
      clock.reset();
    }

    // A preview made before that commit is stale: its file was compared with a catalogue no longer current.
    Api.Response stale = api.post("admin", BASE + "/" + otherPreview + "/commit",
        Map.of("effectiveFrom", tomorrow.toString(), "decision", "QĐ 2"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.text("code")).isEqualTo("CATALOGUE_IMPORT_STALE");
  }

  /**
   * A case amended by an import (the late birth registration's fee), from tomorrow: the preview names the cases as
   * what changed; a dossier submitted today under that case keeps today's fee, one submitted tomorrow pays the new.
   */
  @Test
  void anAmendedCaseIsInForceFromItsDateWhileTodaysDossiersKeepItsFee() throws Exception {
    Api.Response today = api.post("citizen", "/api/dossiers", birth("QUA_HAN"));
    assertThat(today.status()).as(today.toString()).isEqualTo(201);
    assertThat(today.body().path("feeVnd").asLong()).isEqualTo(8000);
    Procedure before = catalog.procedure(BIRTH).orElseThrow();

    List<List<String>> rows = table();
    List<String> late = caseRow(rows, BIRTH, "QUA_HAN");
    String schedule = late.get(column(CatalogImportColumn.FEE_SCHEDULE));
    assertThat(schedule).contains("\"vnd\":8000");
    late.set(column(CatalogImportColumn.FEE_SCHEDULE), schedule.replace("\"vnd\":8000", "\"vnd\":10000"));
    late.set(column(CatalogImportColumn.FEE), "10.000");
    Api.Response preview = send("admin", "khai-sinh.csv", csv(rows));
    assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
    assertThat(codes(preview.body().path("changed"))).containsExactly(BIRTH);
    assertThat(StreamSupport.stream(preview.body().path("changed").get(0).path("aspects").spliterator(), false)
        .map(JsonNode::asText).toList()).containsExactly("cases");
    assertThat(preview.body().path("unchanged").asInt()).isEqualTo(catalog.procedures().size() - 1);

    LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
    Api.Response committed = api.post("admin", BASE + "/" + preview.text("id") + "/commit",
        Map.of("effectiveFrom", tomorrow.toString(), "decision", "Quyết định 45/QĐ-UBND"));
    assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
    assertThat(catalog.procedure(BIRTH).orElseThrow().caseOf("QUA_HAN").orElseThrow().feeVnd()).isEqualTo(8000);
    Procedure next = catalog.procedure(BIRTH, tomorrow).orElseThrow();
    assertThat(next.caseOf("QUA_HAN").orElseThrow().feeVnd()).isEqualTo(10_000);
    // Only the fee changed: the other case, the default flag and the names are as they were.
    assertThat(next.caseOf("DUNG_HAN")).isEqualTo(before.caseOf("DUNG_HAN"));
    assertThat(next.cases()).extracting(Procedure.Case::code, Procedure.Case::byDefault)
        .isEqualTo(before.cases().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.code(), c.byDefault()))
            .toList());

    clock.set(tomorrow.atTime(9, 0));
    try {
      Api.Response kept = api.get("citizen", "/api/dossiers/" + today.text("code"));
      assertThat(kept.status()).isEqualTo(200);
      assertThat(kept.body().path("feeVnd").asLong()).isEqualTo(8000);
      assertThat(kept.text("caseCode")).isEqualTo("QUA_HAN");
      Api.Response fresh = api.post("citizen", "/api/dossiers", birth("QUA_HAN"));
      assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
      assertThat(fresh.body().path("feeVnd").asLong()).isEqualTo(10_000);
      assertThat(api.post("citizen", "/api/dossiers", birth("DUNG_HAN")).body().path("feeVnd").asLong()).isZero();
    } finally {
      clock.reset();
    }
  }

  /**
   * An import in force from today, then a second one also from today over the same procedure: the version in force
   * today may have dossiers bound to it, so the second is refused and nothing of it is stored or installed.
   */
  @Test
  void aSecondImportFromTodayOverAVersionInForceTodayIsRefused() throws Exception {
    LocalDate today = LocalDate.now(clock);
    List<List<String>> rows = table();
    List<String> complex = caseRow(rows, CERTIFIED_COPY, "PHUC_TAP");
    String name = complex.get(column(CatalogImportColumn.CASE_NAME));
    complex.set(column(CatalogImportColumn.CASE_NAME), name + " - sửa đổi");
    Api.Response first = send("admin", "chung-thuc.csv", csv(rows));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(codes(first.body().path("changed"))).containsExactly(CERTIFIED_COPY);
    Api.Response committed = api.post("admin", BASE + "/" + first.text("id") + "/commit",
        Map.of("effectiveFrom", today.toString(), "decision", "Quyết định 46/QĐ-UBND"));
    assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
    Procedure inForce = catalog.procedure(CERTIFIED_COPY).orElseThrow();
    assertThat(inForce.validFrom()).isEqualTo(today);
    assertThat(inForce.caseOf("PHUC_TAP").orElseThrow().name()).isEqualTo(name + " - sửa đổi");
    assertThat(inForce.defaultCase().map(Procedure.Case::code)).contains("DON_GIAN");

    List<List<String>> again = table();
    caseRow(again, CERTIFIED_COPY, "PHUC_TAP").set(column(CatalogImportColumn.CASE_NAME), name + " - lần hai");
    Api.Response second = send("admin", "chung-thuc-2.csv", csv(again));
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    List<Procedure> versions = catalog.versions(CERTIFIED_COPY);
    int committedBefore = jdbc.queryForObject("select count(*) from catalogue_import where state = 'COMMITTED'",
        Integer.class);

    Api.Response refused = api.post("admin", BASE + "/" + second.text("id") + "/commit",
        Map.of("effectiveFrom", today.toString(), "decision", "Quyết định 47/QĐ-UBND"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).contains("application/problem+json");
    assertThat(refused.text("code")).isEqualTo("CATALOGUE_IMPORT_SUPERSEDES_IN_FORCE");
    assertThat(refused.text("detail")).contains("ngày mai");
    // Nothing stored: still a preview, no commit recorded, the catalogue as it was.
    Api.Response stillPreview = api.get("admin", BASE + "/" + second.text("id"));
    assertThat(stillPreview.text("state")).isEqualTo("PREVIEW");
    assertThat(stillPreview.body().path("effectiveFrom").textValue()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from catalogue_import where state = 'COMMITTED'", Integer.class))
        .isEqualTo(committedBefore);
    assertThat(catalog.versions(CERTIFIED_COPY)).isEqualTo(versions);
    assertThat(catalog.procedure(CERTIFIED_COPY)).contains(inForce);
  }

  private static Map<String, Object> birth(String caseCode) {
    Map<String, Object> body = new HashMap<>();
    body.put("procedureCode", BIRTH);
    body.put("agencyCode", VI_THANH);
    body.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", "093085000123", "phone", "0912345678",
        "address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh"));
    body.put("caseCode", caseCode);
    return body;
  }

  private static List<String> codes(JsonNode changes) {
    return StreamSupport.stream(changes.spliterator(), false).map(c -> c.path("code").asText()).toList();
  }

  @Test
  void onlyAnAdministratorImportsTheCatalogue() throws Exception {
    byte[] file = csv(table());
    for (String user : List.of("citizen", "clerk.stp", "leader.stp", "supervisor.tinh")) {
      Api.Response refused = send(user, "danh-muc.csv", file);
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.text("code")).isEqualTo("ACCESS_DENIED");
      assertThat(api.get(user, BASE).status()).as(user).isEqualTo(403);
      assertThat(api.get(user, BASE + "/current.csv").status()).as(user).isEqualTo(403);
      assertThat(api.get(user, "/admin/catalogue-imports").status()).as(user).isEqualTo(403);
    }
    assertThat(send(null, "danh-muc.csv", file).status()).isEqualTo(401);
    Api.Response page = api.get("admin", "/admin/catalogue-imports");
    assertThat(page.status()).isEqualTo(200);
    assertThat(new String(page.raw(), StandardCharsets.UTF_8)).contains("Nhập danh mục thủ tục hành chính");
  }

  /** A province-sized file: 2,000 procedures are checked, previewed and committed in one request each. */
  @Test
  void aProvinceOf2000ProceduresIsPreviewedAndCommitted() throws Exception {
    List<List<String>> rows = table();
    int inForce = catalog.procedures().size();
    // Copies of the first row of each procedure (a procedure with cases gives one case).
    List<List<String>> firsts = rows.subList(1, rows.size()).stream()
        .filter(r -> !r.get(column(CatalogImportColumn.NAME)).isEmpty()).toList();
    for (int n = 0; inForce + n < 2000; n++) {
      List<String> copy = new ArrayList<>(firsts.get(n % firsts.size()));
      String national = String.format("9.%06d", n);
      copy.set(column(CatalogImportColumn.CODE), national + ".000.00.00.H13");
      copy.set(column(CatalogImportColumn.NATIONAL_CODE), national);
      copy.set(column(CatalogImportColumn.NAME), copy.get(column(CatalogImportColumn.NAME)) + " (bản " + n + ")");
      rows.add(copy);
    }
    long started = System.nanoTime();
    Api.Response preview = send("admin", "tinh-2000.csv", csv(rows));
    long previewMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(preview.status()).as(preview.toString()).isEqualTo(201);
    assertThat(preview.body().path("procedures").asInt()).isEqualTo(2000);
    assertThat(preview.body().path("added")).hasSize(2000 - inForce);
    started = System.nanoTime();
    Api.Response commit = api.post("admin", BASE + "/" + preview.text("id") + "/commit",
        Map.of("effectiveFrom", LocalDate.now(clock).toString(), "decision", "QĐ 2000/QĐ-UBND"));
    long commitMs = (System.nanoTime() - started) / 1_000_000;
    assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
    assertThat(catalog.procedures()).hasSize(2000);
    System.out.printf("Catalogue import of 2,000 procedures: preview %d ms, commit %d ms%n", previewMs, commitMs);
  }

  /** The administrator's pages: a bad file's errors, then a preview, a refused and an accepted commit. */
  @Test
  void theAdminPageShowsErrorsThePreviewAndCommits() throws Exception {
    AdminPages pages = new AdminPages(port);
    String upload = pages.get("/admin/catalogue-imports").body();
    assertThat(upload).contains("id=\"upload\"").contains("enctype=\"multipart/form-data\"");

    List<List<String>> bad = table();
    bad.get(1).set(column(CatalogImportColumn.DURATION_UNIT), "tuần");
    bad.get(2).set(column(CatalogImportColumn.LEVEL), "Cấp thôn");
    java.net.http.HttpResponse<String> refused = pages.upload("/admin/catalogue-imports", "loi.csv", csv(bad));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("Các lỗi trong tệp (2); chưa nhập gì")
        .contains("&quot;tuần&quot; không phải đơn vị thời hạn")
        .contains("&quot;Cấp thôn&quot; không phải cấp thực hiện")
        .contains(">" + lineOf(bad, 1) + "<").contains(">" + lineOf(bad, 2) + "<");

    List<List<String>> amended = table();
    String code = amended.get(1).get(column(CatalogImportColumn.CODE));
    amended.get(1).set(column(CatalogImportColumn.LEGAL_BASIS), "Nghị định mới 999/2026/NĐ-CP");
    java.net.http.HttpResponse<String> sent = pages.upload("/admin/catalogue-imports", "sua.csv", csv(amended));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
    String previewPath = java.net.URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath();
    String preview = pages.get(previewPath).body();
    String lines = java.text.NumberFormat.getInstance(java.util.Locale.forLanguageTag("vi")).format(amended.size() - 1);
    assertThat(preview).contains("Đã đọc " + lines + " dòng, kiểm tra " + lines + " dòng trong ")
        .contains("Tệp được coi là toàn bộ danh mục của tỉnh").contains(code).contains("căn cứ pháp lý")
        .contains("id=\"commit\"");

    java.net.http.HttpResponse<String> past = pages.post(previewPath + "/commit",
        Map.of("effectiveFrom", LocalDate.now(clock).minusDays(3).toString(), "decision", "QĐ 7"));
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.body()).contains("Ngày có hiệu lực phải từ hôm nay");
    assertThat(catalog.procedure(code).orElseThrow().legalBasis()).isNotEqualTo("Nghị định mới 999/2026/NĐ-CP");

    java.net.http.HttpResponse<String> done = pages.post(previewPath + "/commit",
        Map.of("effectiveFrom", LocalDate.now(clock).toString(), "decision", "QĐ 7/QĐ-UBND"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(pages.get(previewPath).body()).contains("Đã áp dụng từ ngày").contains("QĐ 7/QĐ-UBND")
        .doesNotContain("id=\"commit\"");
    assertThat(catalog.procedure(code).orElseThrow().legalBasis()).isEqualTo("Nghị định mới 999/2026/NĐ-CP");
  }

  /** The admin's browser session on the pages: cookies, form sign-in, the form's CSRF token on every POST. */
  private static final class AdminPages {
    private static final java.util.regex.Pattern CSRF =
        java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final String base;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    AdminPages(int port) throws Exception {
      this.base = "http://localhost:" + port;
      java.net.http.HttpResponse<String> signIn = post("/login", Map.of("username", "admin", "password", "admin"));
      assertThat(signIn.statusCode()).isEqualTo(302);
    }

    java.net.http.HttpResponse<String> get(String path) throws Exception {
      return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
      java.util.regex.Matcher m = CSRF.matcher(get("/track").body());
      assertThat(m.find()).isTrue();
      return m.group(1);
    }

    java.net.http.HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
      Map<String, String> form = new java.util.LinkedHashMap<>(fields);
      form.put("_csrf", token());
      String body = form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
          + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(java.util.stream.Collectors.joining("&"));
      return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    java.net.http.HttpResponse<String> upload(String path, String fileName, byte[] content) throws Exception {
      String boundary = "----motcua" + System.nanoTime();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token() + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
    }
  }
}
