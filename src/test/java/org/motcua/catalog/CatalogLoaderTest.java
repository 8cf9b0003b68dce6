package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.calendar.DurationUnit;
import org.springframework.core.io.DefaultResourceLoader;

/** The shipped catalog loads, and a malformed one names the file, the entry and the field. */
class CatalogLoaderTest {

  @TempDir
  Path dir;

  @Test
  void theShippedCatalogLoadsWithEveryDurationUnitItUses() {
    Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");
    assertThat(catalog.procedures()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(catalog.procedures()).extracting(p -> p.duration().unit())
        .contains(DurationUnit.WORKING_DAYS, DurationUnit.CALENDAR_DAYS, DurationUnit.SAME_DAY);
    assertThat(catalog.path("000.01.21.H13")).isEqualTo("/000.00.00.H13/000.01.21.H13/");
    assertThat(catalog.isWithin("000.20.16.H13", "000.00.00.H13")).isTrue();
    assertThat(catalog.isWithin("000.00.12.H13", "000.01.21.H13")).isFalse();
    Procedure record = catalog.procedure("2.000488.000.00.12.H13").orElseThrow();
    assertThat(record.feeVnd()).isEqualTo(200_000);
    assertThat(record.steps()).extracting(Procedure.Step::workingHours).containsExactly(8, 56, 8, 8);
  }

  @Test
  void anUnknownDurationUnitIsNamedWithFileProcedureAndField() throws IOException {
    write(validProcedure().replace("unit: WORKING_DAYS", "unit: WEEKS"));
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
        .hasMessage("procedures.yml: thủ tục '1.000001.000.00.01.T01': field 'duration.unit': 'WEEKS' is not one of "
            + "[WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS, SAME_DAY]");
  }

  @Test
  void stepBudgetsMustAddUpToTheStatutoryDuration() throws IOException {
    write(validProcedure().replace("workingHours: 16}", "workingHours: 15}"));
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
        .hasMessageContaining("'1.000001.000.00.01.T01': field 'steps': working hours add up to 39, expected 40");
  }

  @Test
  void aStepsWarningShareIsOptionalAndStrictlyBetweenZeroAndOne() throws IOException {
    Catalog shipped = new Catalog(new DefaultResourceLoader(), "file:config/");
    assertThat(shipped.procedure("2.000488.000.00.12.H13").orElseThrow().steps())
        .extracting(Procedure.Step::warnShare).containsExactly(null, 0.5, null, null);
    write(validProcedure().replace("workingHours: 16}", "workingHours: 16, warnShare: 0.6}"));
    assertThat(load().procedure("1.000001.000.00.01.T01").orElseThrow().step("appraisal").orElseThrow().warnShare())
        .isEqualTo(0.6);
    for (String bad : new String[] {"0", "1", "1.5", "-0.2", "nửa"}) {
      write(validProcedure().replace("workingHours: 16}", "workingHours: 16, warnShare: " + bad + "}"));
      assertThatThrownBy(this::load).as(bad).isInstanceOf(CatalogException.class)
          .hasMessageContaining("'1.000001.000.00.01.T01': field 'steps[1].warnShare': must be a number between 0 and 1");
    }
  }

  @Test
  void missingFieldsAndUnknownAgenciesAreNamed() throws IOException {
    write(validProcedure().replace("    onlineLevel: FULL\n", ""));
    assertThatThrownBy(this::load).hasMessageContaining("field 'onlineLevel': missing");
    write(validProcedure().replace("agency: 000.00.01.T01", "agency: 000.00.99.T01"));
    assertThatThrownBy(this::load).hasMessageContaining("field 'agency': unknown agency '000.00.99.T01'");
    write(validProcedure().replace("{code: A, name: Tờ khai}", "{code: A}"));
    assertThatThrownBy(this::load).hasMessageContaining("field 'components[0].name': missing");
  }

  @Test
  void feeSchedulesAreCheckedWhereTheyAreWritten() throws IOException {
    write(withFee("""
        fee:
          items:
            - {name: Phí, kind: FEE, per: pages, tiers: [{from: 1, vnd: 2000}]}
        """));
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'fee.items[0].per': unknown quantity 'pages' (declare it under fee.quantities)");
    write(withFee("""
        fee:
          quantities: [{code: pages, name: Số trang, unit: trang, default: 1, min: 1, max: 9}]
          items:
            - {name: Phí, kind: FEE, per: pages, tiers: [{from: 1, vnd: 2000}, {from: 1, vnd: 1000}]}
        """));
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'fee.items[0].tiers[1].from': tiers must start at increasing units");
    write(withFee("""
        fee:
          items:
            - {name: Lệ phí, kind: TAX, vnd: 1000}
        """));
    assertThatThrownBy(this::load).hasMessageContaining("field 'fee.items[0].kind': 'TAX' is not one of [FEE, CHARGE]");
    write(withFee("""
        fee:
          quantities: [{code: pages, name: Số trang, unit: trang, default: 0, min: 1, max: 9}]
          items:
            - {name: Phí, kind: FEE, vnd: 1000}
        """));
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'fee.quantities[0].default': must satisfy min <= default <= max");
  }

  /** The shipped schedules price the published examples (Thông tư 226/2016, 244/2016, 281/2016). */
  @Test
  void shippedFeeSchedulesPriceTheLegalExamples() {
    Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");
    FeeSchedule copy = catalog.procedure("2.000815.000.00.21.H13").orElseThrow().fee();
    assertThat(copy.due()).isEqualTo(FeeSchedule.Due.AT_SUBMISSION);
    // 2.000 đồng for pages 1–2, 1.000 đồng from page 3: 5 pages = 7.000 đồng a copy; 2 copies = 14.000 đồng.
    FeeSchedule.Quote twoCopies = copy.quote(java.util.Map.of("pages", 5, "copies", 2));
    assertThat(twoCopies.totalVnd()).isEqualTo(14_000);
    assertThat(twoCopies.describe()).isEqualTo("Phí chứng thực bản sao từ bản chính (5 trang × 2 bản): 14.000 đồng");
    // At most 200.000 đồng a copy: 300 pages would be 300.000 đồng uncapped.
    assertThat(copy.quote(java.util.Map.of("pages", 300, "copies", 3)).totalVnd()).isEqualTo(600_000);
    assertThat(copy.defaultTotalVnd()).isEqualTo(2_000);
    assertThatThrownBy(() -> copy.quote(java.util.Map.of("pages", 0)))
        .isInstanceOf(FeeSchedule.QuantityException.class).hasFieldOrPropertyWithValue("reason", "INVALID_FEE_QUANTITY");
    assertThatThrownBy(() -> copy.quote(java.util.Map.of("sheets", 1)))
        .hasFieldOrPropertyWithValue("reason", "UNKNOWN_FEE_QUANTITY");

    FeeSchedule record = catalog.procedure("2.000488.000.00.12.H13").orElseThrow().fee();
    assertThat(record.due()).isEqualTo(FeeSchedule.Due.BEFORE_RESULT);
    // 200.000 đồng a request; from the third certificate on, 5.000 đồng more each.
    assertThat(record.quote(java.util.Map.of("certificates", 2)).totalVnd()).isEqualTo(200_000);
    assertThat(record.quote(java.util.Map.of("certificates", 4)).totalVnd()).isEqualTo(210_000);
    assertThat(record.quote(java.util.Map.of("certificates", 4)).lines()).extracting(FeeSchedule.Line::vnd)
        .containsExactly(200_000L, 10_000L);

    assertThat(catalog.procedure("1.001193.000.00.21.H13").orElseThrow().feeVnd()).isZero();
    assertThat(catalog.procedure("2.000635.000.00.21.H13").orElseThrow().fee().quote(java.util.Map.of("copies", 3))
        .totalVnd()).isEqualTo(24_000);
    // Exemption grounds come from the fee rules (Luật Hộ tịch Điều 11 for the marital-status certificate).
    assertThat(catalog.procedure("1.004873.000.00.21.H13").orElseThrow().exempts("HO_NGHEO")).isTrue();
  }

  private static String withFee(String fee) {
    return validProcedure().replace("    process: dossier-standard\n",
        fee.indent(4) + "    process: dossier-standard\n");
  }

  @Test
  void agencyCyclesAndUnknownParentsAreRefused() throws IOException {
    write(validProcedure());
    Files.writeString(dir.resolve("agencies.yml"), """
        agencies:
          - {code: 000.00.00.T01, name: Tỉnh thử, level: PROVINCE, parent: 000.00.02.T01}
          - {code: 000.00.01.T01, name: Sở thử, level: PROVINCE, parent: 000.00.00.T01}
        """);
    assertThatThrownBy(this::load).hasMessageContaining("field 'parent': unknown agency '000.00.02.T01'");
  }

  /**
   * The agencies a procedure consults (model dossier-consultation), each with its working hours; a case without its
   * own takes the procedure's. An unknown agency, one named twice or zero hours stop start-up naming the field.
   */
  @Test
  void consultedAgenciesAreReadCheckedAndInheritedByCases() throws IOException {
    // The consultation model has the field-verification step too, budgeted like the others.
    String appraisal = validProcedure().lines().filter(l -> l.contains("{task: appraisal")).findFirst().orElseThrow();
    String indent = appraisal.substring(0, appraisal.indexOf('-'));
    String consulting = validProcedure().replace(appraisal, indent + "- {task: appraisal, workingHours: 12}\n"
        + indent + "- {task: fieldVerification, workingHours: 4}")
        .replace("    process: dossier-standard\n", """
            process: dossier-consultation
            consultations:
              - {agency: 000.00.00.T01, hours: 16}
            cases:
              - {code: THUONG, name: Thông thường, default: true}
              - code: RIENG
                name: Riêng
                consultations: [{agency: 000.00.00.T01, hours: 8}, {agency: 000.00.01.T01, hours: 4}]
        """);
    write(consulting);
    Procedure procedure = load().procedure("1.000001.000.00.01.T01").orElseThrow();
    assertThat(procedure.caseOf("THUONG").orElseThrow().consultations())
        .containsExactly(new Procedure.Consultation("000.00.00.T01", 16));
    assertThat(procedure.caseOf("RIENG").orElseThrow().consultations()).containsExactly(
        new Procedure.Consultation("000.00.00.T01", 8), new Procedure.Consultation("000.00.01.T01", 4));

    write(consulting.replace("{agency: 000.00.00.T01, hours: 16}", "{agency: 000.00.09.T01, hours: 16}"));
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
        .hasMessageContaining("'1.000001.000.00.01.T01': field 'consultations[0].agency': unknown agency "
            + "'000.00.09.T01'");
    write(consulting.replace("{agency: 000.00.01.T01, hours: 4}", "{agency: 000.00.00.T01, hours: 4}"));
    assertThatThrownBy(this::load).hasMessageContaining(
        "field 'cases[1].consultations[1].agency': agency '000.00.00.T01' is consulted twice");
    write(consulting.replace("hours: 16}", "hours: 0}"));
    assertThatThrownBy(this::load).hasMessageContaining("field 'consultations[0].hours': must be at least 1");
  }

  private Catalog load() {
    return new Catalog(new DefaultResourceLoader(), dir.toUri().toString());
  }

  private void write(String procedures) throws IOException {
    Files.writeString(dir.resolve("agencies.yml"), """
        agencies:
          - {code: 000.00.00.T01, name: Tỉnh thử, level: PROVINCE}
          - {code: 000.00.01.T01, name: Sở thử, level: PROVINCE, parent: 000.00.00.T01}
        """);
    Files.writeString(dir.resolve("procedures.yml"), procedures);
  }

  private static String validProcedure() {
    return """
        procedures:
          - code: 1.000001.000.00.01.T01
            nationalCode: 1.000001
            name: Thủ tục thử
            field: Thử nghiệm
            level: PROVINCE
            agency: 000.00.01.T01
            duration: {value: 5, unit: WORKING_DAYS}
            onlineLevel: FULL
            process: dossier-standard
            components:
              - {code: A, name: Tờ khai}
            steps:
              - {task: reception, workingHours: 8}
              - {task: appraisal, workingHours: 16}
              - {task: approval, workingHours: 8}
              - {task: resultReturn, workingHours: 8}
        """;
  }
}
