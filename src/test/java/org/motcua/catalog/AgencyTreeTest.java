package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Agencies over time: the shipped province after 1 July 2025 with the tree it replaced, and the loader's checks of
 * validity periods and successors. (This file names the old agencies on purpose: rename-agencies.sh leaves it.)
 */
class AgencyTreeTest {

  private static final LocalDate AFTER = LocalDate.of(2026, 1, 15);

  @TempDir
  Path dir;

  @Test
  void theShippedProvinceIsCanThoAfterTheReformAndTheOldTreeResolvesToItsSuccessors() {
    Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/", AFTER);
    // Pickers list today's agencies only: the city, its departments and at least 20 communes and wards.
    assertThat(catalog.agencies()).allMatch(a -> a.code().endsWith(".H13") && a.isValidOn(AFTER));
    assertThat(catalog.agencies()).filteredOn(a -> a.level() == AgencyLevel.COMMUNE).hasSizeGreaterThanOrEqualTo(20)
        .extracting(Agency::name).contains("Ủy ban nhân dân phường Vị Thanh", "Ủy ban nhân dân phường Vị Tân",
            "Ủy ban nhân dân xã Hỏa Lựu", "Ủy ban nhân dân phường Ninh Kiều", "Ủy ban nhân dân phường Sóc Trăng");
    assertThat(catalog.agencies()).noneMatch(a -> a.level() == AgencyLevel.DISTRICT);
    assertThat(catalog.agency("000.00.00.H13").orElseThrow().name()).isEqualTo("Ủy ban nhân dân thành phố Cần Thơ");
    assertThat(catalog.agency("000.00.11.H13").orElseThrow().name()).isEqualTo("Sở Nội vụ thành phố Cần Thơ");

    // The old tree is still there for the history, each agency resolving to the one carrying its work today.
    assertThat(catalog.agency("000.00.21.H30").orElseThrow().level()).isEqualTo(AgencyLevel.DISTRICT);
    assertThat(catalog.isCurrent("000.00.00.H30")).isFalse();
    assertThat(catalog.currentAgency("000.00.00.H30").orElseThrow().code()).isEqualTo("000.00.00.H13");
    assertThat(catalog.currentAgency("000.20.16.H30").orElseThrow().code()).isEqualTo("000.20.16.H13");
    // thành phố Vị Thanh, a district, went to three units: its own history to the first, phường Vị Thanh.
    assertThat(catalog.successors("000.00.21.H30")).extracting(Agency::code)
        .containsExactly("000.01.21.H13", "000.02.21.H13", "000.03.21.H13");
    assertThat(catalog.currentAgency("000.00.21.H30").orElseThrow().code()).isEqualTo("000.01.21.H13");
    assertThat(catalog.currentAgency("000.04.21.H30").orElseThrow().code()).isEqualTo("000.02.21.H13");
    assertThat(catalog.currentAgency("000.09.21.H30").orElseThrow().code()).isEqualTo("000.03.21.H13");
    assertThat(catalog.currentAgency("000.01.21.H13").orElseThrow().code()).isEqualTo("000.01.21.H13");
    assertThat(catalog.predecessors("000.02.21.H13")).extracting(Agency::code)
        .containsExactly("000.00.21.H30", "000.02.21.H30", "000.04.21.H30");

    // What counts for phường Vị Thanh today: itself, and what the district and four old wards received.
    assertThat(catalog.history("000.01.21.H13")).isEqualTo(new Catalog.History(
        java.util.List.of("000.01.21.H13", "000.01.21.H30", "000.03.21.H30", "000.05.21.H30", "000.07.21.H30"),
        java.util.List.of("000.00.21.H30")));
    // For the city: its own tree and the whole old province, two subtrees.
    assertThat(catalog.history("000.00.00.H13"))
        .isEqualTo(new Catalog.History(java.util.List.of("000.00.00.H13", "000.00.00.H30"), java.util.List.of()));
    // Who did today's work on a day before the reform: the ward of the time, the old department, or for a
    // department created in 2025 the old province.
    LocalDate before = LocalDate.of(2024, 3, 1);
    assertThat(catalog.agencyOn("000.01.21.H13", before).orElseThrow().code()).isEqualTo("000.01.21.H30");
    assertThat(catalog.agencyOn("000.03.21.H13", before).orElseThrow().code()).isEqualTo("000.08.21.H30");
    assertThat(catalog.agencyOn("000.00.12.H13", before).orElseThrow().code()).isEqualTo("000.00.12.H30");
    assertThat(catalog.agencyOn("000.00.11.H13", before).orElseThrow().code()).isEqualTo("000.00.00.H30");
    assertThat(catalog.agencyOn("000.01.21.H13", AFTER).orElseThrow().code()).isEqualTo("000.01.21.H13");
    // phường Ninh Kiều comes from the old Cần Thơ, not modelled: the city's predecessor stands in.
    assertThat(catalog.agencyOn("000.13.21.H13", before).orElseThrow().code()).isEqualTo("000.00.00.H30");
    assertThat(catalog.agencyOn("000.13.21.H13", LocalDate.of(1990, 1, 1)).orElseThrow().code())
        .isEqualTo("000.00.00.H30");
    // Offerings are today's: a commune procedure is offered by no abolished ward.
    Procedure birth = catalog.procedures().stream().filter(p -> p.nationalCode().equals("1.001193")).findFirst()
        .orElseThrow();
    assertThat(birth.offerings()).extracting(Offering::agencyCode).allMatch(c -> c.endsWith(".H13"));
  }

  @Test
  void aLevelRuleSkipsAbolishedAgenciesAndNamingOneIsRefused() throws IOException {
    write(TREE, "- {level: COMMUNE, under: 000.00.00.T02}");
    Procedure p = load().procedure("1.000001.000.00.01.T01").orElseThrow();
    assertThat(p.offerings()).extracting(Offering::agencyCode).containsExactly("000.01.21.T02");

    write(TREE, "- {agency: 000.01.21.T01}");
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class).hasMessageContaining(
        "field 'offerings[0].agency': agency '000.01.21.T01' does not exist on 2026-01-15 (valid –2025-06-30, "
            + "successors [000.01.21.T02])");
    write(TREE, "- {level: COMMUNE, under: 000.00.00.T01}");
    assertThatThrownBy(this::load).hasMessageContaining("no COMMUNE agency under '000.00.00.T01' exists on 2026-01-15");
  }

  @Test
  void validityAndSuccessorsAreCheckedWhereTheyAreWritten() throws IOException {
    refused(TREE.replace("successors: [000.01.21.T02]", "successors: [000.09.21.T02]"),
        "agencies.yml: cơ quan '000.01.21.T01': field 'successors': unknown agency '000.09.21.T02'");
    refused(TREE.replace(", successors: [000.01.21.T02]", ""),
        "cơ quan '000.01.21.T01': field 'successors': an agency with 'validTo' names its successors, or says "
            + "'dissolved: true'");
    // A successor must exist the day after: one created later leaves a gap.
    refused(TREE.replace("validFrom: 2025-07-01}", "validFrom: 2025-08-01}"),
        "field 'successors': '000.00.00.T02' does not exist on 2025-07-01, the day after 'validTo'");
    refused(TREE.replace("validFrom: 2025-07-01}", "validFrom: 2025-07-01, dissolved: true}"),
        "field 'dissolved': only an agency with 'validTo' has successors or is dissolved");
    refused(TREE.replace("validTo: 2025-06-30, successors: [000.01.21.T02]",
        "validFrom: 2025-01-01, validTo: 2024-06-30, successors: [000.01.21.T02]"), "field 'validTo': ends (2024-06-30) "
        + "before it starts (2025-01-01)");
    // A unit lives within its parent's period.
    refused(TREE.replace("validTo: 2025-06-30, successors: [000.01.21.T02]", "validTo: 2026-06-30, successors: "
        + "[000.01.21.T02]"), "cơ quan '000.01.21.T01': field 'validTo': ends after its parent '000.00.00.T01'");
    refused(TREE.replace("validTo: 2025-06-30, successors: [000.01.21.T02]", "validTo: 2025-06-30, dissolved: true, "
        + "successors: [000.01.21.T02]"), "field 'successors': a dissolved agency has no successor");
    refused(TREE.replace("validTo: 2025-06-30, successors: [000.00.00.T02]}", "validTo: 2025-06-30, dissolved: true}"),
        "cơ quan '000.00.00.T01': field 'dissolved': an agency without parent cannot be dissolved");
    refused(TREE.replace("validTo: 2025-06-30, successors: [000.01.21.T02]", "validTo: 30/06/2025"),
        "cơ quan '000.01.21.T01': field 'validTo': '30/06/2025' is not a date YYYY-MM-DD");
  }

  @Test
  void successorsNeverLoopAndADissolvedUnitGoesToItsParentsSuccessor() throws IOException {
    // A successor exists after its predecessor's end, so following successors moves forward in time and cannot
    // come back: two agencies naming each other are refused.
    write("""
        agencies:
          - {code: 000.00.00.T01, name: Tỉnh, level: PROVINCE}
          - {code: 000.01.21.T01, name: Ủy ban nhân dân xã A, level: COMMUNE, parent: 000.00.00.T01, validTo: 2024-12-31, successors: [000.02.21.T01]}
          - {code: 000.02.21.T01, name: Ủy ban nhân dân xã B, level: COMMUNE, parent: 000.00.00.T01, validTo: 2025-12-31, successors: [000.01.21.T01]}
        """, "- {agency: 000.00.00.T01}");
    assertThatThrownBy(this::load).hasMessageContaining(
        "cơ quan '000.02.21.T01': field 'successors': '000.01.21.T01' does not exist on 2026-01-01");

    write(TREE.replace("validTo: 2025-06-30, successors: [000.01.21.T02]", "validTo: 2025-06-30, dissolved: true"),
        "- {level: COMMUNE, under: 000.00.00.T02}");
    Catalog catalog = load();
    assertThat(catalog.currentAgency("000.01.21.T01").orElseThrow().code()).isEqualTo("000.00.00.T02");
    assertThat(catalog.allAgencies()).hasSize(4);
    assertThat(catalog.agencies()).extracting(Agency::code).containsExactly("000.00.00.T02", "000.01.21.T02");
  }

  /** An old province with one commune, replaced on 1 July 2025 by a new one with one ward. */
  private static final String TREE = """
      agencies:
        - {code: 000.00.00.T01, name: Tỉnh cũ, level: PROVINCE, validTo: 2025-06-30, successors: [000.00.00.T02]}
        - {code: 000.01.21.T01, name: Ủy ban nhân dân xã Một, level: COMMUNE, parent: 000.00.00.T01, validTo: 2025-06-30, successors: [000.01.21.T02]}
        - {code: 000.00.00.T02, name: Tỉnh mới, level: PROVINCE, validFrom: 2025-07-01}
        - {code: 000.01.21.T02, name: Ủy ban nhân dân phường Một, level: COMMUNE, parent: 000.00.00.T02, validFrom: 2025-07-01}
      """;

  private void refused(String agencies, String message) throws IOException {
    write(agencies, "- {level: COMMUNE, under: 000.00.00.T02}");
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class).hasMessageContaining(message);
  }

  private Catalog load() {
    return new Catalog(new DefaultResourceLoader(), dir.toUri().toString(), AFTER);
  }

  private void write(String agencies, String offering) throws IOException {
    Files.writeString(dir.resolve("agencies.yml"), agencies);
    Files.writeString(dir.resolve("procedures.yml"), """
        procedures:
          - code: 1.000001.000.00.01.T01
            nationalCode: 1.000001
            name: Thủ tục thử
            field: Thử nghiệm
            level: COMMUNE
            offerings:
              %s
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
        """.formatted(offering));
  }
}
