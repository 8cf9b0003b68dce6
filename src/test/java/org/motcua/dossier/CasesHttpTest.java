package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Procedure cases (trường hợp, issue 15): the applicant chooses the case when submitting, which fixes the fee, time
 * limit and components; a procedure with several cases and no default refuses a submission without one; the
 * reception clerk changes the case before receiving (preview, then confirm), and only the receiving agency's clerk.
 */
@MotcuaTest
class CasesHttpTest {

  private static final String BIRTH = "1.001193.000.00.21.H13"; // on time (free) or late (fee), no default case
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // normal fee (default) or reduced
  private static final String VI_THANH = "000.01.21.H13";

  @Autowired
  Api api;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aLateBirthRegistrationCarriesItsFeeAndTheOnTimeOneNone() {
    clock.set(LocalDateTime.of(2026, 11, 18, 8, 30));
    Api.Response onTime = api.post("citizen", "/api/dossiers", birth("DUNG_HAN"));
    assertThat(onTime.status()).as(onTime.toString()).isEqualTo(201);
    assertThat(onTime.body().path("feeVnd").asLong()).isZero();
    assertThat(onTime.text("caseCode")).isEqualTo("DUNG_HAN");

    Api.Response late = api.post("citizen", "/api/dossiers", birth("QUA_HAN"));
    assertThat(late.status()).as(late.toString()).isEqualTo(201);
    assertThat(late.body().path("feeVnd").asLong()).isEqualTo(8000);
    assertThat(late.text("feeDue")).isEqualTo("BEFORE_RESULT");
    assertThat(late.text("caseCode")).isEqualTo("QUA_HAN");

    // At the counter, the clerk chooses the case the same way.
    Map<String, Object> counter = new HashMap<>(birth("QUA_HAN"));
    counter.put("channel", 1);
    counter.remove("agencyCode");
    Api.Response entered = api.post("clerk.vithanh", "/api/counter/dossiers", counter);
    assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
    assertThat(entered.body().path("feeVnd").asLong()).isEqualTo(8000);

    // The catalogue shows both cases with their fees.
    JsonNode cases = api.get(null, "/api/procedures/" + BIRTH).body().path("cases");
    assertThat(cases).hasSize(2);
    assertThat(cases.get(0).path("code").asText()).isEqualTo("DUNG_HAN");
    assertThat(cases.get(1).path("code").asText()).isEqualTo("QUA_HAN");
    assertThat(cases.get(0).path("feeVnd").asLong()).isZero();
    assertThat(cases.get(1).path("feeVnd").asLong()).isEqualTo(8000);
  }

  @Test
  void aProcedureWithSeveralCasesAndNoDefaultRefusesASubmissionWithoutOneAndAnUnknownCase() {
    Api.Response none = api.post("citizen", "/api/dossiers", birth(null));
    assertProblem(none, 400, "CASE_REQUIRED");
    assertThat(none.text("detail")).contains(BIRTH).contains("trường hợp");
    Api.Response unknown = api.post("citizen", "/api/dossiers", birth("KHONG_CO"));
    assertProblem(unknown, 400, "UNKNOWN_CASE");
    assertThat(unknown.text("detail")).contains("KHONG_CO");
    // A procedure with a default case takes it when none is named (today's clients keep working).
    Api.Response normal = api.post("citizen", "/api/dossiers", Dossiers.submission(CRIMINAL_RECORD));
    assertThat(normal.status()).as(normal.toString()).isEqualTo(201);
    assertThat(normal.text("caseCode")).isEqualTo("THONG_THUONG");
    assertThat(normal.body().path("feeVnd").asLong()).isEqualTo(200000);
  }

  @Test
  void theReceptionClerkChangesTheCaseAfterAPreviewAndOnlyTheirAgencysClerk() {
    clock.set(LocalDateTime.of(2026, 11, 18, 9, 0)); // Wednesday
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    String url = "/api/dossiers/" + code + "/case";

    // Preview: the reduced fee, the same 10 working days from now, the proof of entitlement among the components.
    Api.Response preview = api.get("clerk.stp", url + "?caseCode=GIAM_PHI");
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(preview.body().path("feeVnd").asLong()).isEqualTo(100000);
    assertThat(preview.body().path("feeChanged").asBoolean()).isTrue();
    assertThat(preview.text("fromCode")).isEqualTo("THONG_THUONG");
    assertThat(preview.text("appointmentIfReceivedNow")).startsWith("2026-12-02T09:00");
    assertThat(preview.body().path("components").findValuesAsText("code")).contains("GIAY_TO_GIAM_PHI");
    // Nothing changed yet.
    assertThat(api.get("clerk.stp", "/api/dossiers/" + code).body().path("feeVnd").asLong()).isEqualTo(200000);

    // Denials: another agency's clerk does not even see the dossier, the applicant is no clerk, a specialist of the
    // agency is not the reception clerk, an unknown case and the same case are refused.
    assertProblem(api.get("clerk.vithanh", url + "?caseCode=GIAM_PHI"), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.post("clerk.vithanh", url, Map.of("caseCode", "GIAM_PHI")), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.post("citizen", url, Map.of("caseCode", "GIAM_PHI")), 403, "DOSSIER_ACCESS_DENIED");
    assertProblem(api.post("specialist.stp", url, Map.of("caseCode", "GIAM_PHI")), 403, "DOSSIER_ACCESS_DENIED");
    assertProblem(api.post("clerk.stp", url, Map.of("caseCode", "KHONG_CO")), 400, "UNKNOWN_CASE");
    assertProblem(api.post("clerk.stp", url, Map.of("caseCode", "THONG_THUONG")), 400, "SAME_CASE");

    Api.Response changed = api.post("clerk.stp", url, Map.of("caseCode", "GIAM_PHI"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.text("caseCode")).isEqualTo("GIAM_PHI");
    assertThat(changed.body().path("feeVnd").asLong()).isEqualTo(100000);
    assertThat(changed.body().path("componentsTotal").asInt()).isEqualTo(3);
    JsonNode line = changed.body().path("history").get(changed.body().path("history").size() - 1);
    assertThat(line.path("action").asText()).isEqualTo("CASE_CHANGED");
    assertThat(line.path("actor").asText()).isEqualTo("clerk.stp");
    assertThat(line.path("note").asText()).contains("Mức phí thông thường", "mức phí giảm");

    // The proof of entitlement is now required too; with every file, the clerk receives the dossier: the appointment is
    // the one the preview showed, and the case can no longer change.
    for (String component : new String[] {"TO_KHAI", "GIAY_TO_TUY_THAN", "GIAY_TO_GIAM_PHI"}) {
      Api.Response uploaded = api.upload("citizen", "/api/dossiers/" + code + "/documents", Map.of(
          "component", component, "file", new Api.FilePart(component + ".pdf", Api.pdf(component))));
      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    }
    assertThat(api.get("clerk.stp", "/api/dossiers/" + code).body().path("componentsSupplied").asInt()).isEqualTo(3);
    new Dossiers(api).decide("clerk.stp", code, "accept", null);
    JsonNode received = api.get("clerk.stp", "/api/dossiers/" + code).body();
    assertThat(received.path("dueAt").asText()).startsWith("2026-12-02T09:00");
    assertProblem(api.post("clerk.stp", url, Map.of("caseCode", "THONG_THUONG")), 409, "CASE_CHANGE_NOT_ALLOWED");
  }

  @Test
  void theClerkReclassifiesABirthRegistrationAsLateAndItsFeeFollows() {
    clock.set(LocalDateTime.of(2026, 11, 18, 10, 0));
    String code = api.post("citizen", "/api/dossiers", birth("DUNG_HAN")).text("code");
    Api.Response preview = api.get("clerk.vithanh", "/api/dossiers/" + code + "/case?caseCode=QUA_HAN");
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    assertThat(preview.body().path("feeVnd").asLong()).isEqualTo(8000);
    // Same day: before the 15:00 cut-off, by the end of today's office hours.
    assertThat(preview.text("appointmentIfReceivedNow")).startsWith("2026-11-18T");
    Api.Response changed = api.post("clerk.vithanh", "/api/dossiers/" + code + "/case", Map.of("caseCode", "QUA_HAN"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.body().path("feeVnd").asLong()).isEqualTo(8000);
    assertThat(changed.text("feeDue")).isEqualTo("BEFORE_RESULT");
  }

  private static Map<String, Object> birth(String caseCode) {
    Map<String, Object> body = new HashMap<>();
    body.put("procedureCode", BIRTH);
    body.put("agencyCode", VI_THANH);
    body.put("applicant", Map.of("name", "Nguyễn Văn An", "idNumber", "093085000123", "phone", "0912345678",
        "address", "Số 12 đường Trần Hưng Đạo, phường Vị Thanh"));
    if (caseCode != null) {
      body.put("caseCode", caseCode);
    }
    return body;
  }
}
