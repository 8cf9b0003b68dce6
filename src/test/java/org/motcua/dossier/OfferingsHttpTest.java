package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Offerings (issue 15): a commune-level procedure is received by every commune of the province. The same procedure
 * submitted in two communes lands in each commune's inbox only, each commune's officers cannot even see the other's
 * dossier, an agency that does not offer it is refused, at the counter as online, and the province sees both.
 */
@MotcuaTest
class OfferingsHttpTest {

  private static final String BIRTH = "1.001193.000.00.21.H13"; // every commune and ward, FULL online, free
  private static final String CERTIFIED_COPY = "2.000815.000.00.21.H13"; // every commune, regardless of residence
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13"; // Sở Tư pháp only
  private static final String VI_THANH = "000.01.21.H13";
  private static final String VI_TAN = "000.02.21.H13";
  private static final String JUSTICE = "000.00.12.H13";
  private static final String DAY = "from=2026-11-18&to=2026-11-18";

  @Autowired
  Api api;
  @Autowired
  TestClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theCatalogueShowsWhereAProcedureIsReceivedAndFindsItByAnyOfItsAgencies() {
    JsonNode birth = api.get(null, "/api/procedures/" + BIRTH).body();
    // Every commune and ward of today's city (26 in the demo), in code order.
    assertThat(birth.path("offerings").findValuesAsText("agencyCode")).hasSize(26).startsWith(VI_THANH, VI_TAN);
    assertThat(birth.path("offerings").findValuesAsText("localizedCode")).containsOnly(BIRTH);
    assertThat(birth.path("anywhere").asBoolean()).isFalse();
    assertThat(birth.path("agencyCode").asText()).isEqualTo(VI_THANH);
    assertThat(api.get(null, "/api/procedures/" + CERTIFIED_COPY).body().path("anywhere").asBoolean()).isTrue();
    JsonNode criminal = api.get(null, "/api/procedures/" + CRIMINAL_RECORD).body();
    assertThat(criminal.path("offerings").findValuesAsText("agencyCode")).containsExactly(JUSTICE);

    List<String> atViTan = api.get(null, "/api/procedures?agency=" + VI_TAN).body().findValuesAsText("code");
    assertThat(atViTan).contains(BIRTH, CERTIFIED_COPY).doesNotContain(CRIMINAL_RECORD);
    assertThat(api.get(null, "/api/procedures?agency=" + JUSTICE).body().findValuesAsText("code"))
        .contains(CRIMINAL_RECORD).doesNotContain(BIRTH);
  }

  @Test
  void theSameCommuneProcedureLandsInTheInboxOfTheCommuneChosenOnlyAndTheProvinceSeesBoth() {
    clock.set(LocalDateTime.of(2026, 11, 18, 8, 0));
    long province = received("supervisor.tinh");
    long viThanh = received("supervisor.vithanh");
    long viTan = received("supervisor.vitan");
    Dossiers flow = new Dossiers(api);

    // Several agencies receive it: the applicant must choose one, and only one that offers it.
    assertProblem(api.post("citizen", "/api/dossiers", online(null)), 400, "RECEIVING_AGENCY_REQUIRED");
    Api.Response notOffered = api.post("citizen", "/api/dossiers", online(JUSTICE));
    assertProblem(notOffered, 400, "AGENCY_NOT_OFFERING");
    assertThat(notOffered.text("detail")).contains(JUSTICE, BIRTH);
    // One agency receives it: no choice is needed (today's requests keep working).
    Map<String, Object> criminal = new HashMap<>(Dossiers.submission(CRIMINAL_RECORD));
    assertThat(api.post("citizen", "/api/dossiers", criminal).text("agencyCode")).isEqualTo(JUSTICE);

    Api.Response inViThanh = api.post("citizen", "/api/dossiers", online(VI_THANH));
    Api.Response inViTan = api.post("citizen2", "/api/dossiers", online(VI_TAN));
    assertThat(inViThanh.status()).as(inViThanh.toString()).isEqualTo(201);
    assertThat(inViTan.status()).as(inViTan.toString()).isEqualTo(201);
    String a = inViThanh.text("code");
    String b = inViTan.text("code");
    // The receiving agency codes the dossier (its own daily sequence) and is the one it belongs to.
    assertThat(a).startsWith(VI_THANH + "-261118-");
    assertThat(b).startsWith(VI_TAN + "-261118-");
    assertThat(inViTan.text("agencyCode")).isEqualTo(VI_TAN);
    flow.uploadComponents("citizen", a, BIRTH);
    flow.uploadComponents("citizen2", b, BIRTH);

    assertThat(inbox("clerk.vithanh")).contains(a).doesNotContain(b);
    assertThat(inbox("clerk.vitan")).contains(b).doesNotContain(a);
    assertProblem(api.get("clerk.vitan", "/api/dossiers/" + a), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.get("clerk.vithanh", "/api/dossiers/" + b), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.get("supervisor.vitan", "/api/dossiers/" + a), 404, "UNKNOWN_DOSSIER");

    clock.set(LocalDateTime.of(2026, 11, 18, 9, 0));
    flow.decide("clerk.vithanh", a, "accept", null);
    flow.decide("clerk.vitan", b, "accept", null);
    assertThat(inbox("specialist.vitan")).contains(b).doesNotContain(a);
    assertThat(inbox("specialist.vithanh")).contains(a).doesNotContain(b);

    // At the counter: a clerk of a commune receives it for their commune, a clerk of an agency that does not offer it
    // cannot, and a clerk cannot receive for another agency.
    clock.set(LocalDateTime.of(2026, 11, 18, 10, 0));
    Api.Response counter = api.post("clerk.vitan", "/api/counter/dossiers", atCounter(null));
    assertThat(counter.status()).as(counter.toString()).isEqualTo(201);
    assertThat(counter.text("code")).startsWith(VI_TAN + "-261118-");
    assertThat(counter.text("agencyCode")).isEqualTo(VI_TAN);
    assertThat(api.post("clerk.vithanh", "/api/counter/dossiers", atCounter(VI_THANH)).status()).isEqualTo(201);
    assertProblem(api.post("clerk.stp", "/api/counter/dossiers", atCounter(null)), 403,
        "PROCEDURE_NOT_OF_YOUR_AGENCY");
    assertProblem(api.post("clerk.vitan", "/api/counter/dossiers", atCounter(VI_THANH)), 403, "AGENCY_NOT_YOURS");
    assertThat(api.get("specialist.vitan", "/api/dossiers/" + counter.text("code")).status()).isEqualTo(200);
    assertProblem(api.get("specialist.vithanh", "/api/dossiers/" + counter.text("code")), 404, "UNKNOWN_DOSSIER");

    // Reports roll up by the agency that received each dossier: each ward its own, the province all of them.
    assertThat(received("supervisor.vithanh")).isEqualTo(viThanh + 2);
    assertThat(received("supervisor.vitan")).isEqualTo(viTan + 2);
    assertThat(received("supervisor.tinh")).isEqualTo(province + 4);
  }

  /**
   * Decision 766 §3.6's denominator (procedures with a fee that the scope offers) counts a ward's fee procedures for
   * that ward too, not only for the first agency listed: it counted none for phường Vị Tân before.
   */
  @Test
  void aWardsFeeProceduresCountInItsOnlinePaymentRate() {
    Api.Response summary = api.get("supervisor.vitan", "/api/reports/summary?" + DAY);
    assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
    assertThat(summary.body().path("proceduresWithOnlinePaymentRate").isNumber())
        .as("the certified copy has a fee and every ward offers it: " + summary.body()).isTrue();
  }

  private long received(String supervisor) {
    Api.Response summary = api.get(supervisor, "/api/reports/summary?" + DAY);
    assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
    return summary.body().path("received").asLong();
  }

  private List<String> inbox(String officer) {
    return new org.motcua.support.Dossiers(api).inboxCodes(officer);
  }

  private static Map<String, Object> online(String agency) {
    Map<String, Object> body = new HashMap<>();
    body.put("procedureCode", BIRTH);
    body.put("caseCode", "DUNG_HAN"); // registered on time: no fee
    body.put("applicant", Map.of("name", "Trần Thị Bình", "idNumber", "093190000456", "phone", "0987654321",
        "address", "Khu vực 3, phường Vị Tân, tỉnh Hậu Giang"));
    if (agency != null) {
      body.put("agencyCode", agency);
    }
    return body;
  }

  private static Map<String, Object> atCounter(String agency) {
    Map<String, Object> body = new HashMap<>();
    body.put("procedureCode", BIRTH);
    body.put("caseCode", "DUNG_HAN"); // registered on time: no fee
    body.put("channel", 1);
    body.put("applicant", Map.of("name", "Trần Thị Bình", "idNumber", "093190000456", "phone", "0987654321"));
    if (agency != null) {
      body.put("agencyCode", agency);
    }
    return body;
  }
}
