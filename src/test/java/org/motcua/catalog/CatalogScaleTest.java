package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.bench.CatalogGenerator;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Issue 15, "Scale": the generated province catalogue (2,000 procedures, 100 communes) is accepted by the normal
 * loader, every commune offers every commune-level procedure, and the search index finds by folded name, field and
 * agency exactly what a plain scan of the catalogue finds. Correctness only: timings belong to the benchmark command.
 */
class CatalogScaleTest {

  @TempDir
  static Path dir;
  static Catalog catalog;
  static Catalog today;

  @BeforeAll
  static void generate() throws Exception {
    CatalogGenerator.Result result = CatalogGenerator.generate("file:config/", dir, 2000, 100, 15);
    assertThat(result.procedures()).isEqualTo(2000);
    catalog = new Catalog(new DefaultResourceLoader(), "file:" + dir + "/");
    today = new Catalog(new DefaultResourceLoader(), "file:config/");
  }

  @Test
  void theGeneratedFolderLoadsWithTwoThousandProceduresAndAHundredCommunesEachOfferingTheCommuneOnes() throws Exception {
    assertThat(catalog.procedures()).hasSize(2000);
    // The province's communes and wards (a police ward unit belongs to the police's own tree).
    List<Agency> communes = catalog.agencies().stream()
        .filter(a -> a.level() == AgencyLevel.COMMUNE && "000.00.00.H13".equals(a.parentCode())).toList();
    assertThat(communes).hasSize(100);
    assertThat(communes).allSatisfy(a -> assertThat(a.name()).startsWith("Ủy ban nhân dân "));
    assertThat(communes.stream().map(Agency::name).collect(Collectors.toSet())).hasSize(100);
    // An inter-agency chain names the agencies of its stages (the ward's police), so it is offered by that ward only.
    List<Procedure> communeLevel = catalog.procedures().stream().filter(p -> p.level() == AgencyLevel.COMMUNE)
        .filter(p -> p.cases().stream().allMatch(c -> c.stages().isEmpty())).toList();
    assertThat(communeLevel).hasSizeGreaterThan(500);
    for (Agency commune : communes) {
      assertThat(catalog.offeredBy(commune.code())).containsAll(communeLevel);
    }
    assertThat(communeLevel).allSatisfy(p -> assertThat(p.offerings()).hasSize(100));
    assertThat(catalog.fields()).hasSizeGreaterThan(25);
    // Generated national codes stay text (9.000010, not the number 9.00001) and begin the procedure's code.
    assertThat(catalog.procedures()).filteredOn(p -> p.nationalCode().startsWith("9.")).hasSizeGreaterThan(1900)
        .allSatisfy(p -> assertThat(p.code()).startsWith(p.nationalCode() + ".").matches("9\\.\\d{6}\\..*"));
    // Today's catalogue is part of it, as are the agencies the demo accounts work in; the rest of the folder copied.
    assertThat(catalog.procedures().stream().map(Procedure::code).toList())
        .containsAll(today.procedures().stream().map(Procedure::code).toList());
    assertThat(catalog.agencies().stream().map(Agency::code).toList())
        .containsAll(today.agencies().stream().map(Agency::code).toList());
    assertThat(dir.resolve("calendar.yml")).hasSameTextualContentAs(Path.of("config/calendar.yml"));
    assertThat(dir.resolve("motcua.yml")).exists();
    // Deterministic: the same seed writes the same files.
    Path again = Files.createDirectories(dir.resolve("again"));
    CatalogGenerator.generate("file:config/", again, 2000, 100, 15);
    assertThat(again.resolve("procedures.yml")).hasSameTextualContentAs(dir.resolve("procedures.yml"));
    assertThat(again.resolve("agencies.yml")).hasSameTextualContentAs(dir.resolve("agencies.yml"));
  }

  @Test
  void searchByWordsWithoutDiacriticsFindsWhatAScanOfTheFoldedNamesFinds() {
    ProcedureIndex index = catalog.index();
    assertThat(index.search("dang ky khai sinh", null, null)).extracting(Procedure::name)
        .contains("Đăng ký khai sinh", "Đăng ký lại khai sinh")
        .allSatisfy(name -> assertThat(Catalog.fold(name).split("[^a-z0-9]+")).contains("dang", "ky", "khai", "sinh"));
    assertThat(index.search("ĐĂNG KÝ  khai sinh", null, null)).isEqualTo(index.search("dang ky khai sinh", null, null));
    for (Procedure p : catalog.procedures().subList(0, 2000).stream().filter(x -> x.code().hashCode() % 40 == 0)
        .toList()) {
      String words = String.join(" ", List.of(Catalog.fold(p.name()).split(" ")).subList(0, 2));
      List<Procedure> found = index.search(words, null, null);
      assertThat(found).contains(p).isEqualTo(scan(words, null, null));
    }
    assertThat(index.search("khong co thu tuc nao ten nhu the nay", null, null)).isEmpty();
    // Punctuation and word order aside, and a code with its dots.
    Procedure land = catalog.procedures().stream().filter(p -> p.name().contains("sử dụng đất, quyền")).findFirst()
        .orElseThrow();
    assertThat(index.search("su dung dat quyen", null, null)).contains(land);
    assertThat(index.search("khai sinh dang ky", null, null)).extracting(Procedure::name).contains("Đăng ký khai sinh");
    assertThat(index.search("1.001193", null, null)).extracting(Procedure::code).contains("1.001193.000.00.21.H13");
  }

  @Test
  void searchByFieldAndByAgencyAndBothFindsWhatAScanFinds() {
    ProcedureIndex index = catalog.index();
    for (String field : catalog.fields()) {
      assertThat(index.search(null, field, null)).isNotEmpty().isEqualTo(scan(null, field, null));
    }
    assertThat(index.search(null, "HỘ TỊCH", null)).isEqualTo(index.search(null, "Hộ tịch", null));
    Set<String> agencies = catalog.agencies().stream().map(Agency::code).collect(Collectors.toSet());
    for (String agency : agencies) {
      assertThat(index.search(null, null, agency)).isEqualTo(scan(null, null, agency));
    }
    String commune = catalog.agencies().stream()
        .filter(a -> a.level() == AgencyLevel.COMMUNE && "000.00.00.H13".equals(a.parentCode())).toList().get(57).code();
    List<Procedure> both = index.search("cap", "Đất đai", commune);
    assertThat(both).isNotEmpty().isEqualTo(scan("cap", "Đất đai", commune));
    assertThat(index.search(null, null, "000.99.99.X00")).isEmpty();
    assertThat(index.search(null, null, null)).isEqualTo(catalog.procedures());
  }

  /** The catalogue read procedure by procedure, as the search did before the index. */
  private static List<Procedure> scan(String words, String field, String agency) {
    return catalog.procedures().stream()
        .filter(p -> field == null || p.field().equalsIgnoreCase(field))
        .filter(p -> agency == null || p.isOfferedBy(agency))
        .filter(p -> words == null || List.of(ProcedureIndex.words(words)).stream()
            .allMatch(w -> Catalog.fold(p.name() + " " + p.code()).replaceAll("[^a-z0-9]+", " ").contains(w)))
        .toList();
  }
}
