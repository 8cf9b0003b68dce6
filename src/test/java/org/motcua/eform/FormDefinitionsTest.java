package org.motcua.eform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.catalog.Catalog;
import org.motcua.catalog.TestCatalogs;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The e-form definitions of {@code config/forms/} without Spring: the six shipped ones load and check data field by
 * field; a broken definition stops the loader with its file, place and reason.
 */
public class FormDefinitionsTest {

  public static final String BIRTH = "1.001193.000.00.21.H13";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Catalog CATALOG = TestCatalogs.fromConfig();

  @TempDir
  Path dir;

  private FormDefinitions forms;

  @BeforeEach
  void load() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    forms = new FormDefinitions(new FormDefinitionLoader("file:config/", CATALOG::versions).load(), messages);
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
  }

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  /** A birth registration's data that passes its definition. */
  public static ObjectNode birth(String birthDate) {
    try {
      return (ObjectNode) JSON.readTree("""
          {"requester": {"fullName": "Nguyễn Văn An", "idNumber": "093085000123", "birthDate": "1985-03-02",
             "residence": "Số 12 đường Trần Hưng Đạo, phường Vị Thanh", "phone": "0912345678", "relationship": "Cha"},
           "child": {"fullName": "Nguyễn Minh Khang", "birthDate": "%s", "sex": "NAM", "ethnicity": "Kinh",
             "nationality": "Việt Nam", "birthPlace": "Bệnh viện Đa khoa tỉnh Hậu Giang", "hometown": "Hậu Giang"},
           "mother": {"fullName": "Trần Thị Bình", "birthYear": 1990, "ethnicity": "Kinh", "nationality": "Việt Nam",
             "residence": "Số 12 đường Trần Hưng Đạo, phường Vị Thanh"},
           "copies": 1}
          """.formatted(birthDate));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSixDeclarationsLoadEachForItsProcedureAndCases() {
    assertThat(forms.all()).extracting(FormDefinition::key).containsExactlyInAnyOrder("dang-ky-khai-sinh",
        "dang-ky-khai-tu", "dang-ky-ket-hon", "xac-nhan-tinh-trang-hon-nhan", "cap-phieu-ly-lich-tu-phap",
        "dang-ky-ho-kinh-doanh");
    FormDefinition birth = forms.find(CATALOG.procedure(BIRTH).orElseThrow(), "QUA_HAN").orElseThrow();
    assertThat(birth.key()).isEqualTo("dang-ky-khai-sinh");
    assertThat(birth.component()).isEqualTo("TO_KHAI");
    assertThat(forms.find(BIRTH, null, "KHONG_CO")).isEmpty();
    assertThat(forms.find("1.001612.000.00.21.H13", null, null).orElseThrow().component()).isEqualTo("GIAY_DE_NGHI");
    // Labels in Vietnamese, in the official form's order, and the fields the account pre-fills.
    assertThat(birth.fields().get(0).label()).isEqualTo("Họ, chữ đệm, tên người yêu cầu");
    assertThat(birth.fields()).filteredOn(f -> f.prefill() != null).extracting(FormDefinition.Field::name)
        .containsExactly("requester.fullName", "requester.idNumber", "requester.birthDate", "requester.residence",
            "requester.phone");
  }

  @Test
  void dataThatPassesHasNoErrorAndEachFaultNamesItsFieldByJsonPath() {
    FormDefinition birth = forms.find(BIRTH, null, "DUNG_HAN").orElseThrow();
    assertThat(forms.validate(birth, birth("2026-11-01"))).isEmpty();

    ObjectNode data = birth("01/11/2026"); // wrong format
    ((ObjectNode) data.get("child")).remove("fullName"); // missing required field
    ((ObjectNode) data.get("mother")).put("birthYear", "một chín chín mươi"); // wrong type
    data.put("unknown", "x");
    List<FieldError> errors = forms.validate(birth, data);
    assertThat(errors).extracting(FieldError::path, FieldError::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("$.child.fullName", "REQUIRED"),
        org.assertj.core.groups.Tuple.tuple("$.child.birthDate", "FORMAT"),
        org.assertj.core.groups.Tuple.tuple("$.mother.birthYear", "TYPE"),
        org.assertj.core.groups.Tuple.tuple("$.unknown", "UNKNOWN_FIELD"));
    assertThat(errors.get(0).field()).isEqualTo("child.fullName");
    assertThat(errors.get(0).message()).isEqualTo("«Họ, chữ đệm, tên»: chưa khai, đây là thông tin bắt buộc.");
    assertThat(errors.get(1).message()).contains("«Ngày, tháng, năm sinh»", "không đúng định dạng");
    assertThat(forms.validate(birth, JSON.getNodeFactory().textNode("x"))).extracting(FieldError::code)
        .containsExactly("TYPE");
    // A number out of range names the limit (a bug: the message lost it).
    ObjectNode old = birth("2026-11-01");
    ((ObjectNode) old.get("mother")).put("birthYear", 1890);
    old.put("copies", 21);
    assertThat(forms.validate(birth, old)).extracting(FieldError::message).containsExactlyInAnyOrder(
        "«Năm sinh»: nhỏ hơn mức tối thiểu 1900.", "«Số bản sao Giấy khai sinh đề nghị cấp»: lớn hơn mức tối đa 20.");
    // A whole group missing is named by its section's title.
    ObjectNode noMother = birth("2026-11-01");
    noMother.remove("mother");
    assertThat(forms.validate(birth, noMother)).extracting(FieldError::path, FieldError::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple("$.mother", "«Người mẹ»: chưa khai, đây là thông tin bắt buộc."));
  }

  @Test
  void theBirthDateSelectsTheLateCaseAfterSixtyDays() {
    FormDefinition birth = forms.find(BIRTH, null, null).orElseThrow();
    LocalDate today = LocalDate.of(2026, 12, 31);
    assertThat(birth.selectCase(birth("2026-11-01"), today).orElseThrow().caseCode()).isEqualTo("DUNG_HAN"); // 60
    FormDefinition.Selected late = birth.selectCase(birth("2026-10-31"), today).orElseThrow(); // 61 days
    assertThat(late.caseCode()).isEqualTo("QUA_HAN");
    assertThat(late.rule().basis()).contains("Luật Hộ tịch 2014, Điều 15");
    // Without rules, the applicant chooses.
    assertThat(forms.find("1.000656.000.00.21.H13", null, null).orElseThrow()
        .selectCase(JSON.createObjectNode(), today)).isEmpty();
  }

  @Test
  void aDefinitionAppliesFromItsCatalogueVersionOn() throws IOException {
    String good = Files.readString(Path.of("config/forms/dang-ky-khai-sinh.yml"));
    write("khai-sinh-2024.yml", good);
    write("khai-sinh-2027.yml", good.replace("component: TO_KHAI", "catalogueVersion: 2027-01-01\ncomponent: TO_KHAI")
        .replace("title: TỜ KHAI ĐĂNG KÝ KHAI SINH", "title: TỜ KHAI ĐĂNG KÝ KHAI SINH (MẪU 2027)"));
    FormDefinitions versioned = new FormDefinitions(new FormDefinitionLoader(dir.toUri().toString(),
        CATALOG::versions).load(), new ResourceBundleMessageSource());
    // The version in force since ever keeps the first form; a version from 2027 on takes the new one.
    assertThat(versioned.find(BIRTH, null, "DUNG_HAN").orElseThrow().key()).isEqualTo("khai-sinh-2024");
    assertThat(versioned.find(BIRTH, LocalDate.of(2026, 7, 1), "DUNG_HAN").orElseThrow().key())
        .isEqualTo("khai-sinh-2024");
    assertThat(versioned.find(BIRTH, LocalDate.of(2027, 3, 1), "QUA_HAN").orElseThrow().title())
        .isEqualTo("TỜ KHAI ĐĂNG KÝ KHAI SINH (MẪU 2027)");
  }

  @Test
  void prefillTakesWhatTheAccountKnowsAndNothingElse() {
    FormDefinition birth = forms.find(BIRTH, null, null).orElseThrow();
    JsonNode data = forms.prefill(birth, new Identity("Nguyễn Văn An", "093085000123", null, null, "0912345678"));
    assertThat(data.toString()).isEqualTo(
        "{\"requester\":{\"fullName\":\"Nguyễn Văn An\",\"idNumber\":\"093085000123\",\"phone\":\"0912345678\"}}");
  }

  @Test
  void aBrokenDefinitionStopsTheLoaderWithItsFileAndReason() throws IOException {
    String good = Files.readString(Path.of("config/forms/dang-ky-khai-sinh.yml"));
    assertRefused(good.replace("procedure: 1.001193.000.00.21.H13", "procedure: 9.999999"),
        "dang-ky-khai-sinh.yml: field 'procedure': '9.999999' is not in the catalogue");
    assertRefused(good.replace("cases: [DUNG_HAN, QUA_HAN]", "cases: [DUNG_HAN, MUON]"),
        "field 'cases': procedure 1.001193.000.00.21.H13 has no case 'MUON'");
    assertRefused(good.replace("component: TO_KHAI", "component: TO_KHAI_KHAC"),
        "field 'component': no case of 1.001193.000.00.21.H13 has a component 'TO_KHAI_KHAC'");
    assertRefused(good.replace("{field: child.hometown, label: Quê quán}", "{field: child.homeTown, label: Quê}"),
        "'child.homeTown' is not a property of the schema");
    assertRefused(good.replace("birthYear: {type: integer, minimum: 1900, maximum: 2100}\n        ethnicity: {type: "
        + "string, minLength: 2, maxLength: 50}\n        nationality: {type: string, minLength: 2, maxLength: 50}\n"
        + "        residence: {type: string, minLength: 5, maxLength: 300}\n        idNumber: {type: string, pattern: "
        + "\"^[0-9]{12}$\"}\n    father:", "birthYear: {type: integer, minimum: 1900, maximum: 2100}\n        ethnicity: "
        + "{type: string, minLength: 2, maxLength: 50}\n        nationality: {type: string, minLength: 2, maxLength: 50}\n"
        + "        residence: {type: string, minLength: 5, maxLength: 300}\n        idNumber: {type: string, pattern: "
        + "\"^[0-9]{12}$\"}\n        maidenName: {type: string}\n    father:"),
        "the schema's property 'mother.maidenName' is in no section");
    assertRefused(good.replace("minLength: 2, maxLength: 100}\n        idNumber", "minLength: -2, maxLength: 100}\n"
        + "        idNumber"), "field 'schema': not a valid JSON Schema");
    assertRefused(good.replace("comparison: MORE_THAN_DAYS_AGO", "comparison: OLDER"),
        "field 'caseSelection.rules.comparison': must be one of");
    assertRefused(good.replace("field: child.birthDate, comparison", "field: child.fullName, comparison"),
        "'child.fullName' is not a date field of the layout");
    assertRefused(good.replace("prefill: PHONE", "prefill: EMAIL"), "'EMAIL' is not one of");
    assertRefused(good + "\nfooter: x\n", "field 'footer': unknown field");
    assertRefused("procedure: [", "not readable YAML");
    // Two definitions of the same case and version.
    Files.delete(dir.resolve("forms/dang-ky-khai-sinh.yml"));
    write("a.yml", good);
    write("b.yml", good);
    assertThatThrownBy(() -> new FormDefinitionLoader(dir.toUri().toString(), CATALOG::versions).load())
        .isInstanceOf(FormDefinitionException.class)
        .hasMessageContaining("forms/b.yml: declares the same procedure, case and catalogue version as forms/a.yml");
  }

  private void assertRefused(String content, String message) throws IOException {
    write("dang-ky-khai-sinh.yml", content);
    assertThatThrownBy(() -> new FormDefinitionLoader(dir.toUri().toString(), CATALOG::versions).load())
        .isInstanceOf(FormDefinitionException.class).hasMessageContaining(message);
  }

  private void write(String name, String content) throws IOException {
    Files.createDirectories(dir.resolve("forms"));
    Files.writeString(dir.resolve("forms").resolve(name), content);
  }
}
