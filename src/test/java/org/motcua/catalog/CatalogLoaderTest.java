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
    assertThat(catalog.path("000.01.21.H30")).isEqualTo("/000.00.00.H30/000.01.21.H30/");
    assertThat(catalog.isWithin("000.20.16.H30", "000.00.00.H30")).isTrue();
    assertThat(catalog.isWithin("000.00.12.H30", "000.01.21.H30")).isFalse();
    Procedure record = catalog.procedure("2.000488.000.00.12.H30").orElseThrow();
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
  void missingFieldsAndUnknownAgenciesAreNamed() throws IOException {
    write(validProcedure().replace("    feeVnd: 0\n", ""));
    assertThatThrownBy(this::load).hasMessageContaining("field 'feeVnd': missing or not a whole number");
    write(validProcedure().replace("agency: 000.00.01.T01", "agency: 000.00.99.T01"));
    assertThatThrownBy(this::load).hasMessageContaining("field 'agency': unknown agency '000.00.99.T01'");
    write(validProcedure().replace("{code: A, name: Tờ khai}", "{code: A}"));
    assertThatThrownBy(this::load).hasMessageContaining("field 'components[0].name': missing");
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
            feeVnd: 0
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
