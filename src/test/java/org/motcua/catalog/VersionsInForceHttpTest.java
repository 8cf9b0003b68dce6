package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Versions in force (issue 15): an amendment published as the catalogue import does ({@link Catalog#publish}, the
 * entry parsed by {@link CatalogLoader#parseProcedure}) takes effect on its date; a dossier submitted before keeps the
 * old version's due date, fee and step budgets, one submitted after takes the new ones; {@code ?at=} shows each
 * version; the officer page and the control slip name it; reports count both under the one procedure code.
 *
 * <p>The amendment takes effect in 2031, a year no other test reaches, as the catalogue is shared by the test context.
 */
@MotcuaTest
class VersionsInForceHttpTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final String LAND_REISSUE = "1.012783.000.00.16.H13";
  private static final LocalDate EFFECTIVE = LocalDate.of(2031, 3, 4); // a Tuesday
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The amended criminal-record certificate: 15 working days, 250.000 đồng, other step budgets. */
  private static final String AMENDMENT = """
      code: 2.000488.000.00.12.H13
      nationalCode: 2.000488
      name: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam
      field: Lý lịch tư pháp
      level: PROVINCE
      agency: 000.00.12.H13
      duration: {value: 15, unit: WORKING_DAYS}
      onlineLevel: FULL
      decision: {number: 99/QĐ-UBND, date: 2031-02-20}
      fee:
        due: BEFORE_RESULT
        items:
          - {name: "Phí cung cấp thông tin lý lịch tư pháp", kind: FEE, vnd: 250000}
      process: dossier-standard
      components:
        - {code: TO_KHAI, name: "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"}
        - {code: GIAY_TO_TUY_THAN, name: "Bản chụp giấy tờ tùy thân"}
      steps:
        - {task: reception, workingHours: 8}
        - {task: appraisal, workingHours: 88}
        - {task: approval, workingHours: 12}
        - {task: resultReturn, workingHours: 12}
      """;

  @Autowired
  Api api;
  @Autowired
  TestClock clock;
  @Autowired
  Catalog catalog;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aDossierSubmittedBeforeANewVersionKeepsItsDurationFeeAndStepBudgetsAndAtShowsEachVersion() throws IOException {
    Dossiers flow = new Dossiers(api);
    clock.set(LocalDateTime.of(2031, 3, 3, 9, 0)); // Monday, the old version
    String before = flow.submitComplete("citizen", CRIMINAL_RECORD);

    Procedure amended = catalog.loader().parseProcedure(YAML.readTree(AMENDMENT), "amendment");
    catalog.publish(List.of(amended), Set.of(LAND_REISSUE), EFFECTIVE);

    clock.set(LocalDateTime.of(2031, 3, 5, 9, 0)); // Wednesday, the new version
    String after = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", before, "accept", null);
    flow.decide("clerk.stp", after, "accept", null);

    JsonNode old = api.get("clerk.stp", "/api/dossiers/" + before).body();
    JsonNode neu = api.get("clerk.stp", "/api/dossiers/" + after).body();
    // Due date: 10 working days for the old version, 15 for the new, both received now.
    assertThat(old.path("dueAt").asText()).startsWith("2031-03-19T09:00");
    assertThat(neu.path("dueAt").asText()).startsWith("2031-03-26T09:00");
    assertThat(old.path("feeVnd").asLong()).isEqualTo(200000);
    assertThat(neu.path("feeVnd").asLong()).isEqualTo(250000);
    assertThat(old.path("procedureValidFrom").isNull()).isTrue();
    assertThat(neu.path("procedureValidFrom").asText()).isEqualTo("2031-03-04");
    // Step budgets: the appraisal due 56 working hours after reception under the old version, 88 under the new.
    assertThat(old.path("currentSteps").get(0).path("dueAt").asText()).startsWith("2031-03-14T09:00");
    assertThat(neu.path("currentSteps").get(0).path("dueAt").asText()).startsWith("2031-03-20T09:00");

    // ?at= shows the version in force that day; the withdrawn procedure has none after its last day.
    JsonNode then = api.get(null, "/api/procedures/" + CRIMINAL_RECORD + "?at=2031-03-03").body();
    assertThat(then.path("duration").path("value").asInt()).isEqualTo(10);
    assertThat(then.path("validTo").asText()).isEqualTo("2031-03-03");
    JsonNode now = api.get(null, "/api/procedures/" + CRIMINAL_RECORD + "?at=2031-03-04").body();
    assertThat(now.path("duration").path("value").asInt()).isEqualTo(15);
    assertThat(now.path("validFrom").asText()).isEqualTo("2031-03-04");
    assertThat(now.path("decision").path("number").asText()).isEqualTo("99/QĐ-UBND");
    assertThat(api.get(null, "/api/procedures/" + CRIMINAL_RECORD).body().path("duration").path("value").asInt())
        .as("without at=, today (the clock says 5 March 2031): the new version").isEqualTo(15);
    assertThat(api.get(null, "/api/procedures/" + LAND_REISSUE + "?at=2031-03-03").status()).isEqualTo(200);
    problem(api.get(null, "/api/procedures/" + LAND_REISSUE + "?at=2031-03-04"), 404, "PROCEDURE_NOT_IN_FORCE");
    problem(api.get(null, "/api/procedures/" + CRIMINAL_RECORD + "?at=2031-13-01"), 400, "INVALID_DATE");
    problem(api.get(null, "/api/procedures/9.999999.000.00.00.H13?at=2031-03-04"), 404, "UNKNOWN_PROCEDURE");

    // The officer page and the processing-control slip name the version.
    String page = new String(api.get("clerk.stp", "/officer/dossiers/" + after).raw(), StandardCharsets.UTF_8);
    assertThat(page).contains("Phiên bản có hiệu lực từ ngày 04/03/2031", "99/QĐ-UBND");
    assertThat(new String(api.get("clerk.stp", "/officer/dossiers/" + before).raw(), StandardCharsets.UTF_8))
        .contains("Phiên bản ban đầu của danh mục");
    assertThat(slip(after)).contains("phiên bản có hiệu lực từ ngày 04/03/2031", "99/QĐ-UBND");

    // Reports by procedure: both versions under the one code.
    JsonNode breakdown = api.get("supervisor.tinh",
        "/api/reports/breakdown?by=procedure&from=2031-03-01&to=2031-03-31").body();
    JsonNode rows = breakdown.path("rows");
    assertThat(rows.findValuesAsText("key")).containsOnlyOnce(CRIMINAL_RECORD);
    for (JsonNode row : rows) {
      if (row.path("key").asText().equals(CRIMINAL_RECORD)) {
        assertThat(row.path("received").asLong()).as(row.toString()).isEqualTo(2);
      }
    }
  }

  private String slip(String code) throws IOException {
    Api.Response response = api.get("clerk.stp", "/api/dossiers/" + code + "/forms/control-slip");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    try (PDDocument pdf = Loader.loadPDF(response.raw())) {
      return Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
  }

  private static void problem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("detail")).isNotBlank();
  }
}
