package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Offerings in the catalogue configuration: a single {@code agency} as before, or {@code offerings} naming agencies or
 * every agency of a level under a parent, with localized codes; and the agency an address names.
 */
class CatalogOfferingsTest {

  private static final String BIRTH = "1.001193.000.00.21.H13";

  @TempDir
  Path dir;

  @Test
  void theShippedCommuneProceduresAreOfferedByEveryCommuneAndTheDepartmentsKeepTheirOne() {
    Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");
    Procedure birth = catalog.procedure(BIRTH).orElseThrow();
    // Every commune and ward of today's province (26 in the demo), none of those abolished on 1 July 2025.
    assertThat(birth.offerings()).extracting(Offering::agencyCode).hasSize(26)
        .startsWith("000.01.21.H13", "000.02.21.H13").allMatch(catalog::isCurrent);
    assertThat(birth.agencyCode()).isEqualTo("000.01.21.H13");
    assertThat(birth.anywhere()).isFalse();
    assertThat(catalog.procedure("2.000815.000.00.21.H13").orElseThrow().anywhere()).isTrue();
    Procedure criminal = catalog.procedure("2.000488.000.00.12.H13").orElseThrow();
    assertThat(criminal.offerings()).containsExactly(new Offering("000.00.12.H13", "2.000488.000.00.12.H13"));
    assertThat(catalog.offeredBy("000.02.21.H13")).contains(birth).doesNotContain(criminal);
  }

  @Test
  void anAddressProposesTheOfferingAgencyItNamesAndOnlyOne() {
    Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");
    Procedure birth = catalog.procedure(BIRTH).orElseThrow();
    assertThat(catalog.offeringAgencyOf(birth, "Khu vực 3, Phường Vị Tân, tỉnh Hậu Giang")).contains("000.02.21.H13");
    assertThat(catalog.offeringAgencyOf(birth, "so 12 tran hung dao, phuong vi thanh")).contains("000.01.21.H13");
    // The ward's name alone is enough when no other agency matches it.
    assertThat(catalog.offeringAgencyOf(birth, "12 Trần Hưng Đạo, Vị Tân")).contains("000.02.21.H13");
    // "phường Vị Tân" wins over the city of Vị Thanh also named.
    assertThat(catalog.offeringAgencyOf(birth, "phường Vị Tân, thành phố Vị Thanh")).contains("000.02.21.H13");
    assertThat(catalog.offeringAgencyOf(birth, "Vị Tân hay Vị Thanh")).isEmpty();
    assertThat(catalog.offeringAgencyOf(birth, "Cần Thơ")).isEmpty();
    assertThat(catalog.offeringAgencyOf(birth, null)).isEmpty();
  }

  @Test
  void aLevelRuleTakesEveryAgencyOfThatLevelBelowTheParentAndAnExplicitOneRefinesIt() throws IOException {
    write("""
        offerings:
          - {level: COMMUNE, under: 000.00.00.T01, code: 1.000001.000.00.00.T01}
          - {agency: 000.02.21.T01, code: 1.000001.000.02.21.T01}
          - {agency: 000.00.01.T01}
        anywhere: true
        """);
    Procedure p = load().procedure("1.000001.000.00.01.T01").orElseThrow();
    assertThat(p.offerings()).containsExactly(
        new Offering("000.01.21.T01", "1.000001.000.00.00.T01"),
        new Offering("000.02.21.T01", "1.000001.000.02.21.T01"),
        new Offering("000.03.21.T01", "1.000001.000.00.00.T01"),
        new Offering("000.00.01.T01", "1.000001.000.00.01.T01"));
    assertThat(p.anywhere()).isTrue();
    assertThat(p.agencyCode()).isEqualTo("000.01.21.T01");
    // A rule under a district takes only its communes.
    write("""
        offerings:
          - {level: COMMUNE, under: 000.00.09.T01}
        """);
    assertThat(load().procedure("1.000001.000.00.01.T01").orElseThrow().offerings()).extracting(Offering::agencyCode)
        .containsExactly("000.03.21.T01");
  }

  @Test
  void offeringsAreCheckedWhereTheyAreWritten() throws IOException {
    write("""
        agency: 000.00.01.T01
        offerings:
          - {agency: 000.00.01.T01}
        """);
    assertThatThrownBy(this::load).isInstanceOf(CatalogException.class)
        .hasMessageContaining("'1.000001.000.00.01.T01': field 'agency': give either 'agency' or 'offerings'");
    write("""
        offerings:
          - {level: DISTRICT, under: 000.00.01.T01}
        """);
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'offerings[0].level': no DISTRICT agency under '000.00.01.T01'");
    write("""
        offerings:
          - {level: COMMUNE, under: 000.00.99.T01}
        """);
    assertThatThrownBy(this::load).hasMessageContaining("field 'offerings[0].under': unknown agency '000.00.99.T01'");
    write("""
        offerings:
          - {agency: 000.01.21.T01}
          - {agency: 000.01.21.T01}
        """);
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'offerings[1].agency': agency '000.01.21.T01' offers the procedure twice");
    write("""
        offerings:
          - {agency: 000.01.21.T01, level: COMMUNE}
        """);
    assertThatThrownBy(this::load)
        .hasMessageContaining("field 'offerings[0].agency': give either 'agency' or 'level' with 'under'");
    write("""
        offerings: []
        """);
    assertThatThrownBy(this::load).hasMessageContaining("field 'offerings': missing or empty list");
  }

  private Catalog load() {
    return new Catalog(new DefaultResourceLoader(), dir.toUri().toString());
  }

  /** A province with a department, two communes directly under it and a district with one commune. */
  private void write(String offerings) throws IOException {
    Files.writeString(dir.resolve("agencies.yml"), """
        agencies:
          - {code: 000.00.00.T01, name: Tỉnh thử, level: PROVINCE}
          - {code: 000.00.01.T01, name: Sở thử, level: PROVINCE, parent: 000.00.00.T01}
          - {code: 000.01.21.T01, name: Ủy ban nhân dân phường Một, level: COMMUNE, parent: 000.00.00.T01}
          - {code: 000.02.21.T01, name: Ủy ban nhân dân xã Hai, level: COMMUNE, parent: 000.00.00.T01}
          - {code: 000.00.09.T01, name: Ủy ban nhân dân huyện Chín, level: DISTRICT, parent: 000.00.00.T01}
          - {code: 000.03.21.T01, name: Ủy ban nhân dân thị trấn Ba, level: COMMUNE, parent: 000.00.09.T01}
        """);
    Files.writeString(dir.resolve("procedures.yml"), """
        procedures:
          - code: 1.000001.000.00.01.T01
            nationalCode: 1.000001
            name: Thủ tục thử
            field: Thử nghiệm
            level: COMMUNE
        %s    duration: {value: 5, unit: WORKING_DAYS}
            onlineLevel: FULL
            process: dossier-standard
            components:
              - {code: A, name: Tờ khai}
            steps:
              - {task: reception, workingHours: 8}
              - {task: appraisal, workingHours: 16}
              - {task: approval, workingHours: 8}
              - {task: resultReturn, workingHours: 8}
        """.formatted(offerings.indent(4)));
  }
}
