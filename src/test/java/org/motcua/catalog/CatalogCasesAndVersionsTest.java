package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.calendar.DurationUnit;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Cases and versions in the catalogue configuration: inheritance, the default case, the shipped real cases; versions
 * chained by their dates, overlaps and typos refused with the field named; publishing an import's versions.
 */
class CatalogCasesAndVersionsTest {

  private static final String CODE = "1.000001.000.00.01.T01";

  @TempDir
  Path dir;

  @Test
  void theShippedCatalogueHasTheRealCases() {
    Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");
    Procedure birth = catalog.procedure("1.001193.000.00.21.H13").orElseThrow();
    assertThat(birth.cases()).extracting(Procedure.Case::code).containsExactly("DUNG_HAN", "QUA_HAN");
    assertThat(birth.defaultCase()).isEmpty();
    assertThat(birth.caseOf("DUNG_HAN").orElseThrow().feeVnd()).isZero();
    assertThat(birth.caseOf("QUA_HAN").orElseThrow().feeVnd()).isEqualTo(8000);
    Procedure criminal = catalog.procedure("2.000488.000.00.12.H13").orElseThrow();
    assertThat(criminal.defaultCase().orElseThrow().feeVnd()).isEqualTo(200000);
    assertThat(criminal.caseOf("GIAM_PHI").orElseThrow().feeVnd()).isEqualTo(100000);
    assertThat(criminal.caseOf("GIAM_PHI").orElseThrow().requiredComponents()).extracting(Procedure.Component::code)
        .contains("GIAY_TO_GIAM_PHI");
    Procedure copy = catalog.procedure("2.000815.000.00.21.H13").orElseThrow();
    assertThat(copy.defaultCase().orElseThrow().duration().unit()).isEqualTo(DurationUnit.SAME_DAY);
    Procedure.Case complex = copy.caseOf("PHUC_TAP").orElseThrow();
    assertThat(complex.duration().value()).isEqualTo(2);
    assertThat(complex.fee()).isEqualTo(copy.fee());
    // A procedure without cases has its one implicit case with its own values.
    Procedure marriage = catalog.procedure("1.000894.000.00.21.H13").orElseThrow();
    assertThat(marriage.cases()).singleElement().satisfies(c -> {
      assertThat(c.code()).isEqualTo(Procedure.DEFAULT_CASE);
      assertThat(c.duration()).isEqualTo(marriage.duration());
      assertThat(c.steps()).isEqualTo(marriage.steps());
    });
  }

  @Test
  void aCaseInheritsWhatItDoesNotGiveAndTakesTheOnlineDuration() throws IOException {
    write(version(null, null, null) + """
            onlineDuration: {value: 3, unit: WORKING_DAYS}
            cases:
              - {code: A, name: Trường hợp A, default: true}
              - code: B
                name: Trường hợp B
                fee: none
                duration: {value: 1, unit: WORKING_DAYS}
                onlineDuration: {value: 1, unit: WORKING_HOURS}
                steps: [{task: reception, workingHours: 2}, {task: appraisal, workingHours: 4}, {task: approval, workingHours: 1}, {task: resultReturn, workingHours: 1}]
        """);
    Procedure p = load().procedure(CODE).orElseThrow();
    Procedure.Case a = p.caseOf("A").orElseThrow();
    assertThat(a.duration(false).value()).isEqualTo(5);
    assertThat(a.duration(true).value()).isEqualTo(3);
    assertThat(a.feeVnd()).isEqualTo(10000);
    assertThat(a.components()).isEqualTo(p.components());
    assertThat(p.defaultCase()).contains(a);
    Procedure.Case b = p.caseOf("B").orElseThrow();
    assertThat(b.feeVnd()).isZero();
    assertThat(b.duration(true)).isEqualTo(new org.motcua.calendar.TimeLimit(1, DurationUnit.WORKING_HOURS));
  }

  @Test
  void casesAreCheckedWhereTheyAreWritten() throws IOException {
    write(version(null, null, null) + """
            cases:
              - {code: A, name: A, durations: {value: 1, unit: WORKING_DAYS}}
        """);
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
        .hasMessageContaining("thủ tục '" + CODE + "': field 'cases[0].durations': unknown case field");
    write(version(null, null, null) + """
            cases:
              - {code: A, name: A, duration: {value: 1, unit: WORKING_DAYS}}
        """);
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'cases[0].steps': working hours add up to 40, expected 8 for 1 WORKING_DAYS");
    write(version(null, null, null) + """
            cases:
              - {code: A, name: A}
              - {code: A, name: B}
        """);
    assertThatThrownBy(this::load).hasMessageContaining("field 'cases[1].code': duplicate case code 'A'");
    write(version(null, null, null) + """
            cases:
              - {code: A, name: A, default: true}
              - {code: B, name: B, default: true}
        """);
    assertThatThrownBy(this::load).hasMessageContaining("field 'cases': at most one case may be the default");
  }

  @Test
  void versionsChainByTheirDatesAndTheDossiersVersionStaysFindable() throws IOException {
    write(version(null, null, null) + version("2025-07-01", null, "{number: 12/QĐ-UBND, date: 2025-06-20}")
        .replace("vnd: 10000", "vnd: 20000"));
    Catalog catalog = load(LocalDate.of(2026, 1, 1));
    Procedure first = catalog.procedure(CODE, LocalDate.of(2025, 6, 30)).orElseThrow();
    assertThat(first.validFrom()).isNull();
    assertThat(first.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(first.feeVnd()).isEqualTo(10000);
    Procedure second = catalog.procedure(CODE).orElseThrow();
    assertThat(second.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
    assertThat(second.decision()).isEqualTo(new Procedure.Decision("12/QĐ-UBND", LocalDate.of(2025, 6, 20)));
    assertThat(second.feeVnd()).isEqualTo(20000);
    assertThat(catalog.version(CODE, null)).contains(first);
    assertThat(catalog.version(CODE, LocalDate.of(2025, 7, 1))).contains(second);
    assertThat(catalog.procedures()).containsExactly(second);
  }

  @Test
  void overlappingVersionsAreRefusedWithAPreciseMessage() throws IOException {
    write(version("2025-01-01", "2025-12-31", null) + version("2025-07-01", null, null));
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class).hasMessage("procedures.yml: thủ tục '" + CODE
        + "': field 'validFrom': version from 2025-07-01 overlaps the version from 2025-01-01 to 2025-12-31");
    write(version(null, null, null) + version(null, null, null));
    assertThatThrownBy(this::load).hasMessageContaining("field 'validFrom': only the first version may omit it");
    write(version("2025-07-01", "2025-06-30", null));
    assertThatThrownBy(this::load).hasMessageContaining("field 'validTo': 2025-06-30 is before validFrom 2025-07-01");
    write(version("1 July 2025", null, null));
    assertThatThrownBy(this::load).hasMessageContaining("field 'validFrom': '1 July 2025' is not a date YYYY-MM-DD");
    write(version(null, null, "{number: 12/QĐ-UBND}"));
    assertThatThrownBy(this::load).hasMessageContaining("field 'decision.date': missing");
  }

  @Test
  void publishingEndsTheVersionInForceTheDayBeforeAndWithdrawsCodes() throws IOException {
    write(version(null, null, null));
    Catalog catalog = load(LocalDate.of(2026, 3, 10));
    CatalogLoader loader = catalog.loader();
    Procedure amended = loader.parseProcedure(new ObjectMapper(new YAMLFactory()).readTree(
        version(null, null, null).replace("vnd: 10000", "vnd: 30000").replace("  - code:", "    code:")
            .stripIndent()), "import line 2");
    catalog.publish(List.of(amended), Set.of(), LocalDate.of(2026, 3, 10));
    assertThat(catalog.procedure(CODE).orElseThrow().feeVnd()).isEqualTo(30000);
    assertThat(catalog.procedure(CODE, LocalDate.of(2026, 3, 9)).orElseThrow().feeVnd()).isEqualTo(10000);
    assertThat(catalog.version(CODE, null).orElseThrow().validTo()).isEqualTo(LocalDate.of(2026, 3, 9));
    catalog.publish(List.of(), Set.of(CODE), LocalDate.of(2026, 3, 20));
    assertThat(catalog.procedure(CODE, LocalDate.of(2026, 3, 20))).isEmpty();
    assertThat(catalog.versions(CODE)).hasSize(2);
    assertThatThrownBy(() -> catalog.publish(List.of(), Set.of("9.999999"), LocalDate.of(2026, 4, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    // Not in the past, and not over a version already in force today (dossiers may be bound to it).
    assertThatThrownBy(() -> catalog.publish(List.of(), Set.of(CODE), LocalDate.of(2026, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before today");
    assertThatThrownBy(() -> catalog.publish(List.of(amended), Set.of(), LocalDate.of(2026, 3, 10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in force already");
    // The import's entries are checked as the file's are, naming where they come from.
    assertThatThrownBy(() -> loader.parseProcedure(new ObjectMapper(new YAMLFactory()).readTree(
        "{code: X, nationalCode: X, name: X, field: X, level: COMMUNE, agency: 000.09.99.T01}"), "import line 7"))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("import line 7: thủ tục 'X': field 'agency': unknown agency '000.09.99.T01'");
  }

  private Catalog load() {
    return load(LocalDate.of(2026, 1, 1));
  }

  private Catalog load(LocalDate today) {
    Clock clock = Clock.fixed(Instant.parse(today + "T03:00:00Z"), ZoneOffset.ofHours(7));
    return new Catalog(new DefaultResourceLoader(), dir.toUri().toString(), clock);
  }

  /** One version of the test procedure, as an entry of the procedures list. */
  private static String version(String from, String to, String decision) {
    return """
          - code: %s
            nationalCode: 1.000001
            name: Thủ tục thử
            field: Thử nghiệm
            level: PROVINCE
            agency: 000.00.01.T01
            duration: {value: 5, unit: WORKING_DAYS}
            onlineLevel: FULL
            fee:
              items:
                - {name: Lệ phí, kind: CHARGE, vnd: 10000}
            process: dossier-standard
            components:
              - {code: TK, name: Tờ khai}
            steps: [{task: reception, workingHours: 4}, {task: appraisal, workingHours: 28}, {task: approval, workingHours: 4}, {task: resultReturn, workingHours: 4}]
        """.formatted(CODE)
        + (from == null ? "" : "    validFrom: " + from + "\n")
        + (to == null ? "" : "    validTo: " + to + "\n")
        + (decision == null ? "" : "    decision: " + decision + "\n");
  }

  private void write(String procedures) throws IOException {
    Files.writeString(dir.resolve("agencies.yml"), """
        agencies:
          - {code: 000.00.00.T01, name: Tỉnh thử, level: PROVINCE}
          - {code: 000.00.01.T01, name: Sở thử, level: PROVINCE, parent: 000.00.00.T01}
        """);
    Files.writeString(dir.resolve("procedures.yml"), "procedures:\n" + procedures);
  }
}
