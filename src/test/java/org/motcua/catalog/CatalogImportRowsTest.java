package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/** The catalogue import layout read without the service: cell forms, defaults and messages. */
class CatalogImportRowsTest {

  private final Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");

  private static final String HEADER = "Mã thủ tục;Mã TTHC quốc gia;Tên thủ tục;Lĩnh vực;Cấp thực hiện;"
      + "Cơ quan thực hiện;Mã trường hợp;Trường hợp;Thời hạn giải quyết;Đơn vị thời hạn;Phí, lệ phí (đồng);"
      + "Thời điểm nộp phí;"
      + "Thành phần hồ sơ;Mức độ dịch vụ công trực tuyến\n";

  private CatalogImportRows.Result read(String text) {
    byte[] bytes = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    return CatalogImportRows.read("t.csv", CatalogImportFile.read("t.csv", bytes), catalog, n -> { });
  }

  @Test
  void aSemicolonSeparatedFileFromASpreadsheetWithShortFormsAndDefaults() {
    CatalogImportRows.Result result = read(HEADER
        + "9.1.H13;9.1;Thủ tục thử;Hộ tịch;Cấp xã;COMMUNE@000.00.00.H13;;;3;ngày làm việc;50.000 đồng;Khi nộp hồ sơ;"
        + "\"[TO_KHAI] Tờ khai\nGiấy ủy quyền (không bắt buộc)\";toàn trình\n");
    assertThat(result.errors()).isEmpty();
    Procedure p = result.entries().get(0).procedure();
    assertThat(p.level()).isEqualTo(AgencyLevel.COMMUNE);
    assertThat(p.offerings()).hasSizeGreaterThan(1);
    assertThat(p.feeVnd()).isEqualTo(50_000);
    assertThat(p.fee().due()).isEqualTo(FeeSchedule.Due.AT_SUBMISSION);
    assertThat(p.components()).containsExactly(new Procedure.Component("TO_KHAI", "Tờ khai", true),
        new Procedure.Component("TP2", "Giấy ủy quyền", false));
    assertThat(p.onlineLevel()).isEqualTo(OnlineLevel.FULL);
    assertThat(p.processKey()).isEqualTo("dossier-standard");
    // 3 working days = 24 h split 10/50/30/10 %, the rest to appraisal.
    assertThat(p.steps().stream().map(Procedure.Step::workingHours).toList()).containsExactly(2, 13, 7, 2);
  }

  /** Rows of one code are its cases: each its own fee (none when empty), a duplicate case code refused. */
  @Test
  void rowsOfOneCodeAreItsCasesEachWithItsOwnFee() {
    CatalogImportRows.Result result = read(HEADER
        + "9.2.H13;9.2;Khai sinh;Hộ tịch;Cấp xã;000.01.21.H13;DUNG_HAN;Đúng hạn;1;Ngày làm việc;;;Tờ khai;Một phần\n"
        + "9.2.H13;;;;;;QUA_HAN;Quá hạn;3;Ngày làm việc;8000;;Tờ khai;Một phần\n"
        + "9.2.H13;;Tên khác;;;;QUA_HAN;Trùng;3;Ngày làm việc;;;Tờ khai;Một phần\n");
    assertThat(result.errors()).extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
        .containsExactly("4:Tên thủ tục:INCONSISTENT_PROCEDURE", "4:Mã trường hợp:DUPLICATE_CASE");
    // The first case free and the second charging, in either order: an empty fee cell is no fee for that case.
    for (boolean freeFirst : new boolean[] {true, false}) {
      String free = "DUNG_HAN;Đúng hạn;1;Ngày làm việc;;;Tờ khai;Một phần\n";
      String charged = "QUA_HAN;Quá hạn;3;Ngày làm việc;8000;;Tờ khai;Một phần\n";
      CatalogImportRows.Result two = read(HEADER
          + "9.2.H13;9.2;Khai sinh;Hộ tịch;Cấp xã;000.01.21.H13;" + (freeFirst ? free : charged)
          + "9.2.H13;;;;;;" + (freeFirst ? charged : free));
      assertThat(two.errors()).isEmpty();
      Procedure p = two.entries().get(0).procedure();
      assertThat(p.cases()).extracting(Procedure.Case::code)
          .containsExactly(freeFirst ? "DUNG_HAN" : "QUA_HAN", freeFirst ? "QUA_HAN" : "DUNG_HAN");
      assertThat(p.caseOf("DUNG_HAN").orElseThrow().feeVnd()).isZero();
      assertThat(p.caseOf("QUA_HAN").orElseThrow().feeVnd()).isEqualTo(8000);
      assertThat(p.caseOf("QUA_HAN").orElseThrow().duration().value()).isEqualTo(3);
      assertThat(p.defaultCase()).isEmpty();
    }
  }

  /** The default case column and the online time limit, in the duration's unit or in its own. */
  @Test
  void theDefaultCaseAndTheOnlineTimeLimitAreRead() {
    String header = "Mã thủ tục;Mã TTHC quốc gia;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Cơ quan thực hiện;Mã trường hợp;"
        + "Trường hợp;Trường hợp mặc định;Thời hạn giải quyết;Đơn vị thời hạn;Thời hạn giải quyết trực tuyến;"
        + "Thành phần hồ sơ;Mức độ dịch vụ công trực tuyến\n";
    CatalogImportRows.Result result = read(header
        + "9.3.H13;9.3;Chứng thực;Chứng thực;Cấp xã;000.01.21.H13;THUONG;Thường;;5;Ngày làm việc;3;Bản chính;Một phần\n"
        + "9.3.H13;;;;;;NHANH;Nhanh;Có;2;Ngày làm việc;8 giờ làm việc;Bản chính;Một phần\n"
        + "9.4.H13;9.4;Không trường hợp;Chứng thực;Cấp xã;000.01.21.H13;;;;5;Ngày làm việc;4;Bản chính;Một phần\n"
        + "9.5.H13;9.5;Sai;Chứng thực;Cấp xã;000.01.21.H13;A;A;Có;5;Ngày làm việc;4 tuần;Bản chính;Một phần\n"
        + "9.5.H13;;;;;;B;B;Có;5;Ngày làm việc;;Bản chính;Một phần\n"
        + "9.6.H13;9.6;Sai;Chứng thực;Cấp xã;000.01.21.H13;A;A;Hẳn rồi;5;Ngày làm việc;;Bản chính;Một phần\n");
    assertThat(result.errors()).extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
        .containsExactly("5:Thời hạn giải quyết trực tuyến:BAD_UNIT", "7:Trường hợp mặc định:BAD_BOOLEAN");
    Procedure withCases = result.entries().get(0).procedure();
    assertThat(withCases.defaultCase().map(Procedure.Case::code)).contains("NHANH");
    assertThat(withCases.caseOf("THUONG").orElseThrow().duration(true))
        .isEqualTo(new org.motcua.calendar.TimeLimit(3, org.motcua.calendar.DurationUnit.WORKING_DAYS));
    assertThat(withCases.caseOf("NHANH").orElseThrow().duration(true))
        .isEqualTo(new org.motcua.calendar.TimeLimit(8, org.motcua.calendar.DurationUnit.WORKING_HOURS));
    Procedure single = result.entries().get(1).procedure();
    assertThat(single.cases()).hasSize(1);
    assertThat(single.cases().get(0).duration(true).value()).isEqualTo(4);
    assertThat(single.cases().get(0).duration(false).value()).isEqualTo(5);
    // Two defaults: the catalogue's own rule, on the case column of the procedure's first line.
    CatalogImportRows.Result twoDefaults = read(header
        + "9.5.H13;9.5;Sai;Chứng thực;Cấp xã;000.01.21.H13;A;A;Có;5;Ngày làm việc;;Bản chính;Một phần\n"
        + "9.5.H13;;;;;;B;B;Có;5;Ngày làm việc;;Bản chính;Một phần\n");
    assertThat(twoDefaults.errors()).extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
        .containsExactly("2:Mã trường hợp:CATALOGUE_RULE");
  }

  /**
   * The shipped sample (the configured catalogue, one row per case) reads back as the very procedures configured,
   * cases, default flags, fees and fee notes included; only the version's period and decision are not in the layout.
   */
  @Test
  void theSampleReadsBackAsTheConfiguredProceduresCasesIncluded() throws Exception {
    byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("config/samples/catalogue-import-sample.csv"));
    CatalogImportRows.Result result = CatalogImportRows.read("sample.csv",
        CatalogImportFile.read("sample.csv", bytes), catalog, n -> { });
    assertThat(result.errors()).isEmpty();
    assertThat(result.entries()).hasSameSizeAs(catalog.procedures());
    for (CatalogImportRows.Entry entry : result.entries()) {
      Procedure configured = catalog.procedure(entry.code()).orElseThrow();
      assertThat(entry.procedure()).as(entry.code()).usingRecursiveComparison()
          .ignoringFields("validFrom", "validTo", "decision").isEqualTo(configured);
    }
    assertThat(result.entries().stream().map(CatalogImportRows.Entry::procedure)
        .filter(CatalogImportExport::hasCases).map(Procedure::nationalCode))
        .contains("1.001193", "2.000488", "2.000815");
    CatalogImportDiff diff = CatalogImportDiff.of(catalog.procedures(),
        result.entries().stream().map(CatalogImportRows.Entry::procedure).toList());
    assertThat(diff.changed()).isEmpty();
    assertThat(diff.unchanged()).isEqualTo(catalog.procedures().size());
  }

  @Test
  void everyProblemHasAMessageInBothLanguages() throws Exception {
    for (String language : List.of("vi", "en")) {
      Properties messages = new Properties();
      try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages_" + language + ".properties"),
          StandardCharsets.UTF_8)) {
        messages.load(in);
      }
      for (CatalogImportRows.Problem problem : CatalogImportRows.Problem.values()) {
        assertThat(messages.getProperty("catalogueImport." + problem.name())).as(language + " " + problem).isNotBlank();
      }
      for (String aspect : CatalogImportDiff.ASPECTS.keySet()) {
        assertThat(messages.getProperty("web.catalogueImport.aspect." + aspect)).as(language + " " + aspect)
            .isNotBlank();
      }
    }
  }
}
