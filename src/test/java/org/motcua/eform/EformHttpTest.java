package org.motcua.eform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.dossier.Declarations;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Interactive e-forms through the API (issue 18): the form definition is public; a submission's form is checked on
 * the server (each field at fault named by its JSON path, nothing stored), kept with the dossier and read back by its
 * owner and its agency's officers, rendered as the declaration PDF that stands as the declaration component; the data
 * selects the late-birth case and its fee; the reception clerk corrects a field, recorded before and after.
 */
@MotcuaTest
class EformHttpTest {

  static final String BIRTH = FormDefinitionsTest.BIRTH;
  static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  TestClock clock;
  @Autowired
  Declarations declarations;

  @BeforeEach
  void lastDayOf2026() {
    clock.set(LocalDateTime.of(2026, 12, 31, 9, 0)); // Thursday, a working day
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A birth registration submitted with its e-form, naming no case: the data selects it. */
  static Map<String, Object> birth(JsonNode form) {
    Map<String, Object> body = new HashMap<>(Dossiers.submission(BIRTH));
    body.remove("caseCode");
    body.put("form", form);
    return body;
  }

  @Test
  void theFormIsPublicAndASignedInCitizenGetsTheirPrefill() {
    Api.Response anonymous = api.get(null, "/api/procedures/" + BIRTH + "/form");
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(200);
    JsonNode form = anonymous.body();
    assertThat(form.path("key").asText()).isEqualTo("dang-ky-khai-sinh");
    assertThat(form.path("title").asText()).isEqualTo("TỜ KHAI ĐĂNG KÝ KHAI SINH");
    assertThat(form.path("officialForm").asText()).contains("Thông tư 04/2020/TT-BTP");
    assertThat(form.path("schema").path("properties").has("child")).isTrue();
    JsonNode childBirth = StreamSupport.stream(form.path("sections").spliterator(), false)
        .flatMap(s -> StreamSupport.stream(s.path("fields").spliterator(), false))
        .filter(f -> f.path("name").asText().equals("child.birthDate")).findFirst().orElseThrow();
    assertThat(childBirth.path("label").asText()).isEqualTo("Ngày, tháng, năm sinh");
    assertThat(childBirth.path("widget").asText()).isEqualTo("date");
    assertThat(childBirth.path("required").asBoolean()).isTrue();
    assertThat(form.path("caseSelection").get(0).path("days").asInt()).isEqualTo(60);
    assertThat(form.path("prefill").isNull()).isTrue();

    JsonNode prefill = api.get("citizen", "/api/procedures/" + BIRTH + "/form?case=QUA_HAN").body().path("prefill");
    assertThat(prefill.path("requester").path("fullName").asText()).isEqualTo("Nguyễn Văn An");
    assertThat(prefill.path("requester").path("idNumber").asText()).isEqualTo("093085000123");
    assertThat(prefill.path("requester").path("phone").asText()).isEqualTo("0912345678");
    assertThat(prefill.path("requester").has("residence")).isFalse(); // the account keeps no address

    assertProblem(api.get(null, "/api/procedures/" + BIRTH + "/form?case=KHONG_CO"), 404, "NO_FORM");
    assertProblem(api.get(null, "/api/procedures/2.000815.000.00.21.H13/form"), 404, "NO_FORM");
    assertProblem(api.get(null, "/api/procedures/9.999999/form"), 404, "UNKNOWN_PROCEDURE");
  }

  @Test
  void aFormThatDoesNotPassItsSchemaIsRefusedFieldByFieldAndNothingIsStored() {
    long before = mine();
    ObjectNode form = FormDefinitionsTest.birth("2026-12-01");
    ((ObjectNode) form.get("child")).remove("fullName"); // missing required field
    ((ObjectNode) form.get("child")).put("birthDate", "01/12/2026"); // wrong format
    ((ObjectNode) form.get("mother")).put("birthYear", "1990"); // wrong type: a number is expected
    Api.Response refused = api.post("citizen", "/api/dossiers", birth(form));
    assertProblem(refused, 400, "FORM_INVALID");
    assertThat(refused.body().path("errors").findValuesAsText("path")).containsExactly("$.form.child.fullName",
        "$.form.child.birthDate", "$.form.mother.birthYear");
    assertThat(refused.body().path("errors").findValuesAsText("code")).containsExactly("REQUIRED", "FORMAT", "TYPE");
    assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("child.fullName");
    assertThat(refused.body().path("errors").get(0).path("message").asText())
        .isEqualTo("«Họ, chữ đệm, tên»: chưa khai, đây là thông tin bắt buộc.");
    assertThat(refused.text("detail")).contains("$.form.child.fullName");
    // In English on request.
    Api.Response english = api.call(org.springframework.http.HttpMethod.POST, "citizen", "/api/dossiers",
        birth(form), "en");
    assertThat(english.body().path("errors").get(0).path("message").asText()).contains("missing");
    // A case named that the e-form does not have is refused too, and a procedure without an e-form.
    Map<String, Object> noForm = new HashMap<>(Dossiers.submission("2.000815.000.00.21.H13"));
    noForm.put("form", form);
    assertProblem(api.post("citizen", "/api/dossiers", noForm), 404, "NO_FORM");
    ObjectNode huge = FormDefinitionsTest.birth("2026-12-01");
    huge.put("note", "x".repeat(100_001));
    assertProblem(api.post("citizen", "/api/dossiers", birth(huge)), 400, "FORM_TOO_LARGE");
    assertThat(mine()).isEqualTo(before);
    // "form": null is no form: the declaration then comes as a file, as before e-forms.
    Map<String, Object> withoutForm = new HashMap<>(Dossiers.submission(BIRTH));
    withoutForm.put("form", null);
    Api.Response filed = api.post("citizen", "/api/dossiers", withoutForm);
    assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
    assertThat(filed.body().path("form").isNull()).isTrue();
    assertThat(filed.body().path("componentsSupplied").asInt()).isZero();
  }

  @Test
  void theFormIsStoredWithTheDossierStandsAsItsDeclarationAndPrintsItsData() throws IOException {
    ObjectNode form = FormDefinitionsTest.birth("2026-12-01");
    Api.Response submitted = api.post("citizen", "/api/dossiers", birth(form));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String code = submitted.text("code");
    assertThat(submitted.text("caseCode")).isEqualTo("DUNG_HAN"); // 30 days: on time, selected by the data
    assertThat(submitted.body().path("feeVnd").asLong()).isZero();
    assertThat(submitted.text("formKey")).isEqualTo("dang-ky-khai-sinh");
    assertThat(submitted.body().path("form")).isEqualTo(form);
    // The declaration component is supplied by the form: no upload.
    assertThat(submitted.body().path("componentsSupplied").asInt()).isEqualTo(1);

    // Read back by the owner and the receiving agency's officers; hidden from others.
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("form")).isEqualTo(form);
    assertThat(api.get("clerk.vithanh", "/api/dossiers/" + code).body().path("form")).isEqualTo(form);
    assertProblem(api.get("citizen2", "/api/dossiers/" + code), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.get("clerk.stp", "/api/dossiers/" + code), 404, "UNKNOWN_DOSSIER");

    // The sync's accessor gives the same data.
    Declarations.SubmittedForm synced = declarations.formOf(code).orElseThrow();
    assertThat(synced.formKey()).isEqualTo("dang-ky-khai-sinh");
    assertThat(synced.caseCode()).isEqualTo("DUNG_HAN");
    assertThat(synced.data()).isEqualTo(form);

    JsonNode declaration = declaration("citizen", code);
    assertThat(declaration.path("componentCode").asText()).isEqualTo("TO_KHAI");
    assertThat(declaration.path("contentType").asText()).isEqualTo("application/pdf");
    String text = pdfText("clerk.vithanh", declaration.path("id").asLong());
    assertThat(text).contains("TỜ KHAI ĐĂNG KÝ KHAI SINH", "Mã hồ sơ: " + code,
        "Kính gửi: Ủy ban nhân dân phường Vị Thanh", "Họ, chữ đệm, tên: Nguyễn Minh Khang",
        "Ngày, tháng, năm sinh: 01/12/2026", "Giới tính: Nam", "Họ, chữ đệm, tên người mẹ: Trần Thị Bình",
        "Năm sinh: 1990", "Quan hệ với người được khai sinh: Cha", "Tôi cam đoan nội dung khai trên đây là đúng sự thật",
        "NGƯỜI YÊU CẦU", "Nguyễn Văn An");
    // Same access rules as any file of the dossier.
    assertThat(api.get("citizen2", "/api/documents/" + declaration.path("id").asLong() + "/content").status())
        .isEqualTo(404);
  }

  @Test
  void aBirthRegisteredMoreThanSixtyDaysLateSelectsTheLateCaseAndItsFee() {
    Api.Response onTime = api.post("citizen", "/api/procedures/" + BIRTH + "/form/case",
        Map.of("form", FormDefinitionsTest.birth("2026-11-01"))); // 60 days before 31/12/2026
    assertThat(onTime.status()).as(onTime.toString()).isEqualTo(200);
    assertThat(onTime.text("caseCode")).isEqualTo("DUNG_HAN");
    assertThat(onTime.body().path("feeVnd").asLong()).isZero();
    assertThat(onTime.body().path("byRule").asBoolean()).isFalse();

    Api.Response late = api.post("citizen", "/api/procedures/" + BIRTH + "/form/case",
        Map.of("form", FormDefinitionsTest.birth("2026-10-31"))); // 61 days
    assertThat(late.text("caseCode")).isEqualTo("QUA_HAN");
    assertThat(late.text("caseName")).contains("quá hạn");
    assertThat(late.body().path("feeVnd").asLong()).isEqualTo(8000);
    assertThat(late.text("feeDue")).isEqualTo("BEFORE_RESULT");
    assertThat(late.body().path("byRule").asBoolean()).isTrue();
    assertThat(late.text("basis")).contains("Luật Hộ tịch 2014, Điều 15");
    assertThat(api.post(null, "/api/procedures/" + BIRTH + "/form/case",
        Map.of("form", FormDefinitionsTest.birth("2026-10-31"))).status()).isEqualTo(401);

    // Submitted without a case, the late birth is the late case with its fee; naming the on-time case is refused.
    Api.Response submitted = api.post("citizen", "/api/dossiers", birth(FormDefinitionsTest.birth("2026-10-31")));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    assertThat(submitted.text("caseCode")).isEqualTo("QUA_HAN");
    assertThat(submitted.body().path("feeVnd").asLong()).isEqualTo(8000);
    Map<String, Object> wrongCase = birth(FormDefinitionsTest.birth("2026-10-31"));
    wrongCase.put("caseCode", "DUNG_HAN");
    Api.Response mismatch = api.post("citizen", "/api/dossiers", wrongCase);
    assertProblem(mismatch, 400, "FORM_CASE_MISMATCH");
    assertThat(mismatch.text("detail")).contains("QUA_HAN", "Luật Hộ tịch 2014, Điều 15");
  }

  @Test
  void theReceptionClerkCorrectsAFieldRecordedBeforeAndAfterAndOnlyThem() throws IOException {
    String code = api.post("citizen", "/api/dossiers", birth(FormDefinitionsTest.birth("2026-12-01"))).text("code");
    String url = "/api/dossiers/" + code + "/form/corrections";
    Map<String, Object> fix = Map.of("field", "child.fullName", "value", "Nguyễn Minh Khôi",
        "reason", "Người yêu cầu gõ nhầm tên");

    // Denials: the applicant is no clerk, another agency's clerk does not see the dossier, a specialist of the agency
    // is not the reception clerk.
    assertProblem(api.post("citizen", url, fix), 403, "DOSSIER_ACCESS_DENIED");
    assertProblem(api.post("clerk.stp", url, fix), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.post("specialist.vithanh", url, fix), 403, "DOSSIER_ACCESS_DENIED");
    assertProblem(api.post("clerk.vithanh", url, Map.of("field", "child.nickname", "value", "Bin")), 400,
        "UNKNOWN_FORM_FIELD");
    Api.Response invalid = api.post("clerk.vithanh", url, Map.of("field", "child.birthDate", "value", "31/12"));
    assertProblem(invalid, 400, "FORM_INVALID");
    assertThat(invalid.body().path("errors").findValuesAsText("path")).containsExactly("$.form.child.birthDate");
    assertProblem(api.post("clerk.vithanh", url, Map.of("field", "child.fullName", "value", "Nguyễn Minh Khang")),
        400, "SAME_FORM_VALUE");
    assertThat(api.get("clerk.vithanh", "/api/dossiers/" + code).body().path("form").path("child")
        .path("birthDate").asText()).isEqualTo("2026-12-01");

    Api.Response corrected = api.post("clerk.vithanh", url, fix);
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(corrected.body().path("form").path("child").path("fullName").asText()).isEqualTo("Nguyễn Minh Khôi");
    JsonNode history = corrected.body().path("history");
    JsonNode line = history.get(history.size() - 1);
    assertThat(line.path("action").asText()).isEqualTo("FORM_CORRECTED");
    assertThat(line.path("actor").asText()).isEqualTo("clerk.vithanh");
    assertThat(line.path("note").asText()).isEqualTo("Họ, chữ đệm, tên (child.fullName): «Nguyễn Minh Khang» → "
        + "«Nguyễn Minh Khôi». Lý do: Người yêu cầu gõ nhầm tên");
    // The declaration is rendered again: one declaration file, with the corrected name.
    JsonNode declaration = declaration("clerk.vithanh", code);
    assertThat(pdfText("citizen", declaration.path("id").asLong())).contains("Nguyễn Minh Khôi")
        .doesNotContain("Nguyễn Minh Khang");
    assertThat(declarations.formOf(code).orElseThrow().data().path("child").path("fullName").asText())
        .isEqualTo("Nguyễn Minh Khôi");
    // A corrected birth date that makes the registration late tells the clerk to change the case.
    Api.Response redated = api.post("clerk.vithanh", url, Map.of("field", "child.birthDate", "value", "2026-10-01"));
    assertThat(redated.status()).as(redated.toString()).isEqualTo(200);
    JsonNode redatedLine = redated.body().path("history").get(redated.body().path("history").size() - 1);
    assertThat(redatedLine.path("note").asText()).isEqualTo("Ngày, tháng, năm sinh (child.birthDate): «01/12/2026» → "
        + "«01/10/2026». Theo thông tin đã sửa, hồ sơ thuộc trường hợp QUA_HAN: đổi trường hợp nếu đúng");

    // Once received, no more corrections.
    for (String component : List.of("GIAY_CHUNG_SINH", "GIAY_TO_TUY_THAN")) {
      Api.Response uploaded = api.upload("citizen", "/api/dossiers/" + code + "/documents", Map.of(
          "component", component, "file", new Api.FilePart(component + ".pdf", Api.pdf(component))));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }
    new Dossiers(api).decide("clerk.vithanh", code, "accept", null);
    assertProblem(api.post("clerk.vithanh", url, Map.of("field", "child.fullName", "value", "Nguyễn Minh")), 409,
        "FORM_CORRECTION_NOT_ALLOWED");
    // A dossier whose declaration came as a file has no data to correct.
    String filed = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    assertProblem(api.post("clerk.stp", "/api/dossiers/" + filed + "/form/corrections", fix), 409, "NO_FORM_DATA");
    assertThat(declarations.formOf(filed)).isEmpty();
  }

  private long mine() {
    return api.get("citizen", "/api/dossiers?mine&size=1").body().path("total").asLong();
  }

  private JsonNode declaration(String user, String code) {
    Api.Response files = api.get(user, "/api/dossiers/" + code + "/documents");
    assertThat(files.status()).as(files.toString()).isEqualTo(200);
    List<JsonNode> forms = StreamSupport.stream(files.body().spliterator(), false)
        .filter(d -> d.path("source").asText().equals("FORM")).toList();
    assertThat(forms).hasSize(1);
    return forms.get(0);
  }

  private String pdfText(String user, long documentId) throws IOException {
    Api.Response pdf = api.get(user, "/api/documents/" + documentId + "/content");
    assertThat(pdf.status()).as("download %s", pdf.status()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.raw())) {
      return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
          .replaceAll("\\s+", " ");
    }
  }

  static void assertProblem(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("code")).isEqualTo(code);
    assertThat(response.text("detail")).isNotBlank();
  }
}
