package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The printable forms of a real dossier, read back from the PDF: the Vietnamese name and the code spelled exactly. */
@MotcuaTest
class FormsHttpTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final String APPLICANT = "Nguyễn Văn An";

  @Autowired
  Api api;

  @Test
  void receiptSupplementRefusalAndControlSlipCarryTheApplicantAndTheCode() throws IOException {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    assertProblem(api.get("citizen", "/api/dossiers/" + code + "/forms/receipt"), 409, "FORM_NOT_AVAILABLE");
    flow.decide("clerk.stp", code, "supplement", "Tờ khai chưa ghi nơi thường trú");
    String supplement = text(api.get("citizen", "/api/dossiers/" + code + "/forms/supplement-request"));
    assertThat(supplement).contains(APPLICANT, code, "Tờ khai chưa ghi nơi thường trú");

    api.post("citizen", "/api/dossiers/" + code + "/supplements", Map.of("note", "Đã bổ sung"));
    flow.decide("clerk.stp", code, "accept", null);
    String receipt = text(api.get("citizen", "/api/dossiers/" + code + "/forms/receipt"));
    assertThat(receipt).contains(APPLICANT, code, "Cấp Phiếu lý lịch tư pháp");
    flow.decide("specialist.stp", code, "forward", "Đủ điều kiện");
    flow.decide("leader.stp", code, "refuse", "Người yêu cầu đang bị truy cứu trách nhiệm hình sự");
    String refusal = text(api.get("clerk.stp", "/api/dossiers/" + code + "/forms/refusal"));
    assertThat(refusal).contains(APPLICANT, code, "Người yêu cầu đang bị truy cứu trách nhiệm hình sự");
    String slip = text(api.get("clerk.stp", "/api/dossiers/" + code + "/forms/control-slip"));
    assertThat(slip).contains(code, "Lê Thị Hoa", "Trương Minh Quân", "Nguyễn Hữu Đức");

    assertProblem(api.get("citizen2", "/api/dossiers/" + code + "/forms/receipt"), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.get("citizen", "/api/dossiers/" + code + "/forms/apology"), 409, "FORM_NOT_AVAILABLE");
    assertProblem(api.get("citizen", "/api/dossiers/" + code + "/forms/nothing"), 404, "UNKNOWN_FORM");

    String register = text(api.get("supervisor.stp", "/api/register?from=2026-01-01&to=2026-12-31"));
    assertThat(register).contains(code, APPLICANT);
    assertProblem(api.get("supervisor.vithanh", "/api/register?from=2026-01-01&to=2026-12-31&agency=000.00.12.H13"),
        403, "REPORT_SCOPE_DENIED");
  }

  /**
   * Sổ theo dõi hồ sơ: a department's officers list their own agency's dossiers, not those of the office under it
   * (which they may not open); the department's supervisor lists the whole subtree.
   */
  @Test
  void anOfficersRegisterHoldsTheirOwnAgencysDossiersOnly() throws IOException {
    Dossiers flow = new Dossiers(api);
    String land = flow.submitComplete("citizen", "1.013831.000.00.16.H13"); // Văn phòng Đăng ký đất đai 000.20.16.H13
    String received = flow.decide("clerk.vpdk", land, "accept", null).path("receivedAt").asText();
    String period = "from=" + received.substring(0, 10) + "&to=" + received.substring(0, 10);

    assertThat(text(api.get("clerk.vpdk", "/api/register?" + period))).contains(land);
    for (String departmentOfficer : java.util.List.of("clerk.snnmt", "specialist.snnmt", "leader.snnmt")) {
      assertThat(text(api.get(departmentOfficer, "/api/register?" + period))).as(departmentOfficer)
          .doesNotContain(land);
      assertProblem(api.get(departmentOfficer, "/api/register?" + period + "&agency=000.20.16.H13"), 403,
          "REPORT_SCOPE_DENIED");
    }
    assertThat(text(api.get("supervisor.snnmt", "/api/register?" + period))).contains(land);
    assertThat(text(api.get("admin", "/api/register?" + period + "&agency=000.00.16.H13"))).contains(land);
  }

  private static String text(Api.Response response) throws IOException {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(response.raw())) {
      return Normalizer.normalize(new PDFTextStripper().getText(pdf), Normalizer.Form.NFC);
    }
  }
}
