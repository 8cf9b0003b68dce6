package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The catalogue names a model of {@code bpmn/} for each case, and for an inter-agency model the stages with their
 * agencies and step budgets; start-up refuses, naming file, procedure and field, a model that does not exist, a step
 * the model lacks or misses, stages on a model without them, and budgets that do not add up to the time limit.
 */
class CatalogStagesTest {

  private static final String CODE = "1.000001.000.00.01.T01";

  @TempDir
  Path dir;

  @Test
  void theShippedCatalogueCarriesRealInterAgencyProcedures() {
    Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");

    Procedure.Case birth = catalog.procedure("9.900001.000.01.21.H13").orElseThrow().cases().get(0);
    assertThat(birth.processKey()).isEqualTo("dossier-chain");
    assertThat(birth.stages()).extracting(Procedure.Stage::agencyCode)
        .containsExactly("000.01.21.H13", "000.01.41.H13", "000.00.42.H13");
    assertThat(birth.stages()).extracting(Procedure.Stage::name)
        .containsExactly("Đăng ký khai sinh", "Đăng ký thường trú", "Cấp thẻ bảo hiểm y tế");
    assertThat(birth.stages()).noneMatch(Procedure.Stage::obligation);

    Procedure land = catalog.procedure("1.013831.000.00.16.H13").orElseThrow();
    assertThat(land.defaultCase().orElseThrow().processKey()).isEqualTo("dossier-standard");
    Procedure.Case withTax = land.caseOf("CO_NGHIA_VU").orElseThrow();
    assertThat(withTax.stages()).extracting(Procedure.Stage::agencyCode)
        .containsExactly("000.20.16.H13", "000.00.43.H13", "000.20.16.H13");
    assertThat(withTax.stages()).extracting(Procedure.Stage::obligation).containsExactly(false, true, false);
    assertThat(withTax.steps().stream().mapToInt(Procedure.Step::workingHours).sum()
        + withTax.stages().stream().mapToInt(Procedure.Stage::workingHours).sum()).isEqualTo(5 * 8);
  }

  @Test
  void aChainWithItsStagesLoads() throws IOException {
    write(chain("dossier-chain", STAGES));
    Procedure.Case only = load().procedure(CODE).orElseThrow().cases().get(0);
    assertThat(only.stages()).hasSize(2);
    assertThat(only.stages().get(1).obligation()).isTrue();
    assertThat(only.stages().get(1).steps()).extracting(Procedure.Step::task)
        .containsExactly("stageReception", "stageAppraisal", "stageApproval");
  }

  @Test
  void aModelThatDoesNotExistIsRefused() throws IOException {
    write(chain("dossier-nowhere", STAGES));
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
        .hasMessageContaining("procedures.yml: thủ tục '" + CODE + "': field 'process': no model 'dossier-nowhere' "
            + "in bpmn/")
        .hasMessageContaining("dossier-chain").hasMessageContaining("dossier-standard");
  }

  @Test
  void aStepTheModelLacksOrMissesIsRefused() throws IOException {
    write(chain("dossier-chain", STAGES).replace("{task: resultReturn, workingHours: 4}",
        "{task: fieldCheck, workingHours: 4}"));
    assertThatThrownBy(this::load)
        .hasMessageContaining("thủ tục '" + CODE + "': field 'steps': the model dossier-chain.bpmn has no step "
            + "[fieldCheck]");
    write(chain("dossier-chain", STAGES).replace(", {task: resultReturn, workingHours: 4}", ""));
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'steps': must budget the step(s) [resultReturn] of the model dossier-chain.bpmn");
    write(chain("dossier-chain", STAGES.replace("{task: stageApproval, workingHours: 3}",
        "{task: approval, workingHours: 3}")));
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'stages[1].steps': the model dossier-chain.bpmn has no step [approval]");
  }

  @Test
  void stagesMustMatchWhetherTheModelHasThem() throws IOException {
    write(chain("dossier-chain", ""));
    assertThatThrownBy(this::load).hasMessageContaining("field 'stages': the model dossier-chain.bpmn passes the "
        + "dossier through stages of agencies");
    write(chain("dossier-standard", STAGES));
    assertThatThrownBy(this::load).hasMessageContaining("field 'steps': must budget the step(s) [appraisal, "
        + "approval] of the model dossier-standard.bpmn");
  }

  @Test
  void aStageAgencyMustExistAndBudgetsMustAddUp() throws IOException {
    write(chain("dossier-chain", STAGES.replace("agency: 000.00.02.T01", "agency: 000.00.09.T01")));
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'stages[1].agency': unknown agency '000.00.09.T01'");
    write(chain("dossier-chain", STAGES.replace("{task: stageAppraisal, workingHours: 4}",
        "{task: stageAppraisal, workingHours: 3}")));
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'steps': working hours add up to 39, expected 40 for 5 WORKING_DAYS");
  }

  /** Two stages: the receiving department, then another agency whose notice the applicant pays (24 + 8 h). */
  private static final String STAGES = """
            stages:
              - agency: 000.00.01.T01
                name: Thẩm định
                steps: [{task: stageReception, workingHours: 4}, {task: stageAppraisal, workingHours: 16}, {task: stageApproval, workingHours: 4}]
              - agency: 000.00.02.T01
                name: Thông báo nghĩa vụ tài chính
                obligation: true
                steps: [{task: stageReception, workingHours: 1}, {task: stageAppraisal, workingHours: 4}, {task: stageApproval, workingHours: 3}]
        """;

  /** A 5-working-day procedure on {@code process}: reception and result return 4 h each outside the stages. */
  private static String chain(String process, String stages) {
    return """
          - code: %s
            nationalCode: 1.000001
            name: Thủ tục liên thông thử
            field: Thử nghiệm
            level: PROVINCE
            agency: 000.00.01.T01
            duration: {value: 5, unit: WORKING_DAYS}
            onlineLevel: FULL
            process: %s
            components:
              - {code: TK, name: Tờ khai}
            steps: [{task: reception, workingHours: 4}, {task: resultReturn, workingHours: 4}]
        """.formatted(CODE, process) + stages;
  }

  private Catalog load() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T03:00:00Z"), ZoneOffset.ofHours(7));
    return new Catalog(new DefaultResourceLoader(), dir.toUri().toString(), clock);
  }

  private void write(String procedures) throws IOException {
    Files.writeString(dir.resolve("agencies.yml"), """
        agencies:
          - {code: 000.00.00.T01, name: Tỉnh thử, level: PROVINCE}
          - {code: 000.00.01.T01, name: Sở thử, level: PROVINCE, parent: 000.00.00.T01}
          - {code: 000.00.02.T01, name: Cơ quan thuế thử, level: PROVINCE}
        """);
    Files.writeString(dir.resolve("procedures.yml"), "procedures:\n" + procedures);
  }
}
