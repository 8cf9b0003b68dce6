package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.motcua.support.MotcuaTest;
import org.motcua.support.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cases on the pages, server-rendered (no script): the submit and counter forms offer the cases as radio buttons (the
 * default one checked, none for a procedure that has no default); the officer's dossier page names the version and
 * case and lets the receiving agency's clerk change the case before reception, preview first, then confirm.
 */
@MotcuaTest
class CasePagesTest {

  private static final String BIRTH = "1.001193.000.00.21.H13";
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @LocalServerPort
  int port;
  @Autowired
  Api api;

  @Test
  void theSubmissionFormsOfferTheCasesAndCheckTheDefaultOne() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    // Birth registration: its e-form's birth date selects the case (issue 18), shown before submitting, not chosen.
    String birth = citizen.get("/citizen/submit/" + BIRTH).body();
    assertThat(birth).doesNotContain("name=\"caseCode\"").contains("id=\"case-preview\"");
    String criminal = citizen.get("/citizen/submit/" + CRIMINAL_RECORD).body();
    assertThat(criminal).containsPattern("value=\"THONG_THUONG\"[^>]*checked=\"checked\"");
    assertThat(criminal).contains("value=\"GIAM_PHI\"", "100.000 đồng");
    String counter = new PageSession(port).signIn("clerk.vithanh").get("/officer/intake/" + BIRTH).body();
    assertThat(counter).contains("name=\"caseCode\"", "value=\"QUA_HAN\"");
    // The catalogue page lists the cases and names the version.
    String catalogue = new PageSession(port).get("/procedures/" + BIRTH).body();
    assertThat(catalogue).contains("data-case=\"DUNG_HAN\"", "data-case=\"QUA_HAN\"", "8.000 đồng",
        "Phiên bản ban đầu của danh mục");
    assertThat(new PageSession(port).get("/procedures/1.012783.000.00.16.H13").body()).contains("2304/QĐ-BNNMT");
    // A procedure with one case asks nothing.
    assertThat(citizen.get("/citizen/submit/1.000894.000.00.21.H13").body()).doesNotContain("name=\"caseCode\"");
  }

  @Test
  void theClerkPreviewsThenConfirmsAChangeOfCaseOnTheDossierPage() {
    Map<String, Object> request = new java.util.HashMap<>(org.motcua.support.Dossiers.submission(BIRTH));
    Api.Response submitted = api.post("citizen", "/api/dossiers", request);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    String code = submitted.text("code");

    PageSession clerk = new PageSession(port).signIn("clerk.vithanh");
    String page = clerk.get("/officer/dossiers/" + code).body();
    assertThat(page).contains("id=\"version\"", "Phiên bản ban đầu của danh mục", "id=\"case-name\"",
        "id=\"case-change\"", "value=\"QUA_HAN\"");
    String preview = clerk.get("/officer/dossiers/" + code + "/case?caseCode=QUA_HAN").body();
    assertThat(preview).contains("id=\"case-preview-result\"", "8.000 đồng", "id=\"case-confirm\"");
    // Nothing changed by the preview.
    assertThat(api.get("clerk.vithanh", "/api/dossiers/" + code).body().path("caseCode").asText()).isEqualTo("DUNG_HAN");
    // Another commune's clerk does not see the dossier at all.
    assertThat(new PageSession(port).signIn("clerk.vitan").get("/officer/dossiers/" + code + "/case?caseCode=QUA_HAN")
        .statusCode()).isEqualTo(404);

    HttpResponse<String> confirmed = clerk.post("/officer/dossiers/" + code + "/case", Map.of("caseCode", "QUA_HAN"));
    assertThat(confirmed.statusCode()).isEqualTo(302);
    assertThat(confirmed.headers().firstValue("Location").orElse("")).endsWith("/officer/dossiers/" + code);
    JsonNode dossier = api.get("clerk.vithanh", "/api/dossiers/" + code).body();
    assertThat(dossier.path("caseCode").asText()).isEqualTo("QUA_HAN");
    assertThat(dossier.path("feeVnd").asLong()).isEqualTo(8000);
    assertThat(clerk.get("/officer/dossiers/" + code).body()).contains("Đăng ký khai sinh quá hạn");
  }
}
