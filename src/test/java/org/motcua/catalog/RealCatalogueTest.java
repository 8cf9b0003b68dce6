package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The shipped catalogue keeps issue 15's promise of a larger real catalogue: at least 60 procedures across at least
 * 8 fields, each with its national code, its legal basis, and the rule behind any fee it charges, received by
 * agencies of its own level.
 */
class RealCatalogueTest {

  private static final String NATIONAL_CODE = "\\d\\.\\d{6}";

  private final Catalog catalog = new Catalog(new DefaultResourceLoader(), "file:config/");

  @Test
  void atLeastSixtyProceduresAcrossAtLeastEightFieldsIncludingTheOnesACommuneHandlesDaily() {
    assertThat(catalog.procedures()).hasSizeGreaterThanOrEqualTo(60);
    assertThat(catalog.fields()).hasSizeGreaterThanOrEqualTo(8)
        .contains("Hộ tịch", "Chứng thực", "Lý lịch tư pháp", "Đất đai", "Hoạt động xây dựng",
            "Thành lập và hoạt động của hộ kinh doanh", "Bảo trợ xã hội", "Giáo dục và Đào tạo");
    // Not one field padded with the rest: no field holds more than half of the catalogue.
    Map<String, Long> byField = catalog.procedures().stream()
        .collect(Collectors.groupingBy(Procedure::field, Collectors.counting()));
    assertThat(byField.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(catalog.procedures().size() / 2));
  }

  @Test
  void everyProcedureHasItsNationalCodeALocalizedCodeAndItsLegalBasis() {
    assertThat(catalog.procedures()).allSatisfy(p -> {
      assertThat(p.nationalCode()).as(p.code()).matches(NATIONAL_CODE);
      assertThat(p.code()).as(p.code()).matches(NATIONAL_CODE + "\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.H13");
      assertThat(p.legalBasis()).as(p.code()).isNotBlank();
      assertThat(p.name()).as(p.code()).isNotBlank();
    });
    // A national procedure appears once: its offerings, not copies of it, say where it is received.
    Map<String, Long> byNationalCode = catalog.procedures().stream()
        .collect(Collectors.groupingBy(Procedure::nationalCode, Collectors.counting()));
    assertThat(byNationalCode).allSatisfy((code, n) -> assertThat(n).as(code).isEqualTo(1L));
  }

  @Test
  void everyProcedureThatChargesSaysTheFullFeeRuleInWords() {
    List<Procedure> charging = catalog.procedures().stream().filter(p -> !p.fee().items().isEmpty()).toList();
    assertThat(charging).hasSizeGreaterThanOrEqualTo(20);
    assertThat(charging).allSatisfy(p -> {
      assertThat(p.feeNote()).as(p.code()).isNotBlank();
      // The note cites the document that sets the amount (a circular, a decree or the provincial council's rule).
      assertThat(p.feeNote()).as(p.code()).containsAnyOf("Thông tư", "Nghị định", "HĐND");
    });
  }

  @Test
  void everyProcedureIsReceivedByAgenciesOfItsOwnLevel() {
    Map<String, Agency> agencies = catalog.agencies().stream()
        .collect(Collectors.toMap(Agency::code, Function.identity()));
    assertThat(catalog.procedures()).allSatisfy(p -> assertThat(p.offerings()).as(p.code())
        .isNotEmpty()
        .allSatisfy(o -> assertThat(agencies.get(o.agencyCode()).level()).as(p.code() + " at " + o.agencyCode())
            .isEqualTo(p.level())));
    // The provincial departments the larger catalogue needs are in the agency tree, under the province.
    assertThat(catalog.isWithin("000.00.11.H13", "000.00.00.H13")).isTrue();
    assertThat(catalog.isWithin("000.00.13.H13", "000.00.00.H13")).isTrue();
    assertThat(catalog.procedure("1.014199.000.00.11.H13").orElseThrow().agencyCode()).isEqualTo("000.00.11.H13");
  }

  /** Schedules beyond the per-page kind: a bracket fee by rooms (Thông tư 01/2021/TT-BTC) and a fixed charge. */
  @Test
  void theKaraokeBracketsAndTheAdoptionChargePriceAsTheLawSays() {
    FeeSchedule karaoke = catalog.procedure("1.001029.000.00.21.H13").orElseThrow().fee();
    // 1–3 rooms 4.000.000 đồng, 4–5 rooms 6.000.000 đồng, 6 rooms or more 12.000.000 đồng a licence.
    assertThat(karaoke.quote(Map.of("rooms", 1)).totalVnd()).isEqualTo(4_000_000);
    assertThat(karaoke.quote(Map.of("rooms", 3)).totalVnd()).isEqualTo(4_000_000);
    assertThat(karaoke.quote(Map.of("rooms", 4)).totalVnd()).isEqualTo(6_000_000);
    assertThat(karaoke.quote(Map.of("rooms", 5)).totalVnd()).isEqualTo(6_000_000);
    assertThat(karaoke.quote(Map.of("rooms", 6)).totalVnd()).isEqualTo(12_000_000);
    assertThat(karaoke.quote(Map.of("rooms", 40)).totalVnd()).isEqualTo(12_000_000);

    Procedure adoption = catalog.procedure("2.001263.000.00.21.H13").orElseThrow();
    assertThat(adoption.feeVnd()).isEqualTo(400_000);
    assertThat(adoption.exempts("CHA_DUONG_ME_KE")).isTrue();
    // Contracts certified at the commune: 50.000 đồng each (Thông tư 226/2016/TT-BTC).
    assertThat(catalog.procedure("2.001035.000.00.21.H13").orElseThrow().feeVnd()).isEqualTo(50_000);
  }
}
