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

  /** This branch's catalogue knows no procedure cases: several rows of one code are refused on the case column. */
  @Test
  void casesAreReadIntoTheEntryAndRefusedByACatalogueWithoutCases() {
    CatalogImportRows.Result result = read(HEADER
        + "9.2.H13;9.2;Khai sinh;Hộ tịch;Cấp xã;000.01.21.H13;DUNG_HAN;Đúng hạn;1;Ngày làm việc;;;Tờ khai;Một phần\n"
        + "9.2.H13;;;;;;QUA_HAN;Quá hạn;3;Ngày làm việc;8000;;Tờ khai;Một phần\n"
        + "9.2.H13;;Tên khác;;;;QUA_HAN;Trùng;3;Ngày làm việc;;;Tờ khai;Một phần\n");
    assertThat(result.errors()).extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
        .containsExactly("4:Tên thủ tục:INCONSISTENT_PROCEDURE", "4:Mã trường hợp:DUPLICATE_CASE");
    CatalogImportRows.Result two = read(HEADER
        + "9.2.H13;9.2;Khai sinh;Hộ tịch;Cấp xã;000.01.21.H13;DUNG_HAN;Đúng hạn;1;Ngày làm việc;;;Tờ khai;Một phần\n"
        + "9.2.H13;;;;;;QUA_HAN;Quá hạn;3;Ngày làm việc;8000;;Tờ khai;Một phần\n");
    assertThat(two.errors()).extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
        .containsExactly("2:Mã trường hợp:CATALOGUE_RULE");
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
