package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.motcua.support.PageSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Offerings on the pages, server-rendered (no script): the catalogue says where a procedure is received, the submit
 * form offers the choice of receiving agency and selects the one the contact address names, and the counter lists the
 * procedures the clerk's agency receives.
 */
@MotcuaTest
class OfferingPagesTest {

  private static final String BIRTH = "1.001193.000.00.21.H13";
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @LocalServerPort
  int port;

  @Test
  void theCataloguePageListsEveryReceivingAgencyAndFindsAProcedureByAnyOfThem() {
    PageSession visitor = new PageSession(port);
    String birth = visitor.get("/procedures/" + BIRTH).body();
    assertThat(birth).contains("id=\"offerings\"", "data-agency=\"000.01.21.H13\"", "data-agency=\"000.02.21.H13\"",
        "Ủy ban nhân dân phường Vị Tân", "Nộp tại cơ quan tiếp nhận nơi cư trú");
    assertThat(visitor.get("/procedures/2.000815.000.00.21.H13").body()).contains("Phi địa giới hành chính");
    String atViTan = visitor.get("/procedures?agency=000.02.21.H13").body();
    assertThat(atViTan).contains("data-code=\"" + BIRTH + "\"", "26 cơ quan tiếp nhận")
        .doesNotContain("data-code=\"" + CRIMINAL_RECORD + "\"");
  }

  @Test
  void theSubmitFormOffersTheReceivingAgenciesAndSelectsTheOneOfTheAddress() {
    PageSession citizen = new PageSession(port).signIn("citizen");
    String form = citizen.get("/citizen/submit/" + BIRTH).body();
    assertThat(form).contains("<select id=\"agencyCode\" name=\"agencyCode\"", "value=\"000.01.21.H13\"",
        "value=\"000.02.21.H13\"");
    assertThat(form).doesNotContain("selected=\"selected\">Ủy ban nhân dân phường");
    // The form comes back (no component file here): the ward the address names is now selected.
    String back = citizen.post("/citizen/submit/" + BIRTH, Map.of("name", "Trần Thị Bình", "idNumber",
        "093190000456", "phone", "0987654321", "address", "Khu vực 3, phường Vị Tân, tỉnh Hậu Giang")).body();
    assertThat(back).contains("<option value=\"000.02.21.H13\" selected=\"selected\">Ủy ban nhân dân phường Vị Tân");
    assertThat(back).doesNotContain("<option value=\"000.01.21.H13\" selected=\"selected\">");
    // A procedure received by one agency asks no choice.
    assertThat(citizen.get("/citizen/submit/" + CRIMINAL_RECORD).body()).doesNotContain("id=\"agencyCode\"");
  }

  @Test
  void theCounterListsTheProceduresTheClerksAgencyReceives() {
    PageSession viTan = new PageSession(port).signIn("clerk.vitan");
    assertThat(viTan.get("/officer/intake").body()).contains("data-code=\"" + BIRTH + "\"")
        .doesNotContain("data-code=\"" + CRIMINAL_RECORD + "\"");
    assertThat(viTan.get("/officer/intake/" + BIRTH).statusCode()).isEqualTo(200);
    PageSession justice = new PageSession(port).signIn("clerk.stp");
    assertThat(justice.get("/officer/intake").body()).doesNotContain("data-code=\"" + BIRTH + "\"");
    assertThat(justice.get("/officer/intake/" + BIRTH).statusCode()).isEqualTo(403);
  }
}
