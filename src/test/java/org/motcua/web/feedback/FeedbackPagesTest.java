package org.motcua.web.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The feedback pages as a citizen, an officer and a supervisor use them: from the dossier page to the form, a refused
 * form with its message next to the field, the officer's list and answer, the citizen's like, the supervisor's
 * dashboard figures and overdue list.
 */
@MotcuaTest
class FeedbackPagesTest {

  static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @LocalServerPort
  int port;

  @Test
  void aCitizenWritesFromTheDossierPageTheAgencyAnswersAndTheCitizenLikesIt() {
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    PageSession citizen = new PageSession(port).signIn("citizen");
    String dossierPage = citizen.get("/citizen/dossiers/" + code).body();
    assertThat(dossierPage).contains("href=\"/citizen/feedback?dossier=" + code + "\"");

    HttpResponse<String> form = citizen.get("/citizen/feedback?dossier=" + code);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Gửi phản ánh, kiến nghị về hồ sơ " + code)
        .contains("name=\"dossierCode\" value=\"" + code + "\"");
    HttpResponse<String> refused = citizen.post("/citizen/feedback", Map.of("dossierCode", code, "title", "",
        "content", "Nội dung"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("id=\"title-error\"").contains("Hãy nhập tiêu đề phản ánh, kiến nghị.");

    HttpResponse<String> sent = citizen.post("/citizen/feedback", Map.of("dossierCode", code,
        "title", "Hồ sơ chưa được tiếp nhận", "content", "Đã nộp trực tuyến ba ngày."));
    assertThat(sent.statusCode()).isEqualTo(302);
    String location = sent.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/citizen/feedback/\\d+");
    String id = location.substring(location.lastIndexOf('/') + 1);
    String mine = citizen.get("/citizen/feedback/" + id).body();
    assertThat(mine).contains("Hồ sơ chưa được tiếp nhận").contains("id=\"feedback-answer-due\"")
        .contains("Chờ xử lý");
    assertThat(citizen.get("/citizen/feedback").body()).contains("href=\"/citizen/feedback/" + id + "\"");

    PageSession clerk = new PageSession(port).signIn("clerk.stp");
    assertThat(clerk.get("/officer/feedback").body()).contains("href=\"/officer/feedback/" + id + "\"");
    assertThat(clerk.get("/officer/feedback/" + id).body()).contains("id=\"do-answer\"");
    HttpResponse<String> empty = clerk.post("/officer/feedback/" + id + "/answer", Map.of("text", " "));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("Hãy nhập nội dung.");
    HttpResponse<String> answered = clerk.post("/officer/feedback/" + id + "/answer",
        Map.of("text", "Hồ sơ đã được tiếp nhận sáng nay."));
    assertThat(answered.statusCode()).isEqualTo(302);
    assertThat(new PageSession(port).signIn("clerk.sxd").get("/officer/feedback/" + id).statusCode())
        .isEqualTo(404);
    assertThat(new PageSession(port).signIn("citizen2").get("/citizen/feedback/" + id).statusCode())
        .isEqualTo(404);

    String answeredPage = citizen.get("/citizen/feedback/" + id).body();
    assertThat(answeredPage).contains("Hồ sơ đã được tiếp nhận sáng nay.").contains("id=\"like\"");
    assertThat(citizen.post("/citizen/feedback/" + id + "/reaction", Map.of("reaction", "LIKE")).statusCode())
        .isEqualTo(302);
    assertThat(citizen.get("/citizen/feedback/" + id).body()).contains("id=\"feedback-reaction\"")
        .doesNotContain("id=\"like\"");
    // The dossier's history shows the feedback.
    assertThat(citizen.get("/citizen/dossiers/" + code).body()).contains("Công dân gửi phản ánh, kiến nghị");

    // From a procedure's page: the form about the procedure, its code filled in.
    assertThat(new PageSession(port).get("/procedures/" + CRIMINAL_RECORD).body())
        .contains("href=\"/citizen/feedback?procedure=" + CRIMINAL_RECORD + "\"");
    assertThat(citizen.get("/citizen/feedback?procedure=" + CRIMINAL_RECORD).body())
        .contains("name=\"procedureCode\" value=\"" + CRIMINAL_RECORD + "\"");

    PageSession supervisor = new PageSession(port).signIn("supervisor.stp");
    String dashboard = supervisor.get("/supervisor/dashboard").body();
    assertThat(dashboard).contains("id=\"kpi-satisfactionRate\"").contains("id=\"kpi-dissatisfied\"")
        .contains("id=\"kpi-overdueFeedback\"");
    assertThat(supervisor.get("/supervisor/feedback").statusCode()).isEqualTo(200);
    assertThat(supervisor.get("/supervisor/feedback/" + id).body()).contains("Hồ sơ chưa được tiếp nhận");
  }
}
