package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.motcua.dossier.AccessDenialTest.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Đánh giá mức độ hài lòng: only the applicant, only once the result is returned, once, 1 to 5; the rating is kept
 * with the dossier and written on the processing-control slip.
 */
@MotcuaTest
class SatisfactionRatingTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;

  @Test
  void theApplicantRatesAReturnedDossierOnce() {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    String rating = "/api/dossiers/" + code + "/rating";
    assertProblem(api.post("citizen", rating, Map.of("rating", 5)), 409, "RATING_NOT_OPEN");

    flow.decide("clerk.stp", code, "accept", null);
    flow.decide("specialist.stp", code, "forward", null);
    flow.decide("leader.stp", code, "approve", null);
    flow.payAtCounter("clerk.stp", code);
    flow.uploadResult("leader.stp", code);
    flow.decide("clerk.stp", code, "return", null);

    assertProblem(api.post("citizen2", rating, Map.of("rating", 5)), 404, "UNKNOWN_DOSSIER");
    assertProblem(api.post("clerk.stp", rating, Map.of("rating", 5)), 403, "DOSSIER_ACCESS_DENIED");
    assertProblem(api.post("citizen", rating, Map.of("rating", 6)), 400, "INVALID_RATING");
    assertProblem(api.post("citizen", rating, Map.of("rating", 0)), 400, "INVALID_RATING");
    assertProblem(api.post("citizen", rating, Map.of("comment", "Tốt")), 400, "VALIDATION_FAILED");
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("satisfactionRating").isNull()).isTrue();

    Api.Response rated = api.post("citizen", rating, Map.of("rating", 4, "comment", "Cán bộ hướng dẫn tận tình"));
    assertThat(rated.status()).as("%s", rated).isEqualTo(200);
    assertThat(rated.body().path("satisfactionRating").asInt()).isEqualTo(4);
    assertThat(rated.text("satisfactionComment")).isEqualTo("Cán bộ hướng dẫn tận tình");
    var last = rated.body().path("history").get(rated.body().path("history").size() - 1);
    assertThat(last.path("action").asText()).isEqualTo("SATISFACTION_RATED");
    assertThat(last.path("note").asText()).isEqualTo("4/5: Cán bộ hướng dẫn tận tình");

    assertProblem(api.post("citizen", rating, Map.of("rating", 1)), 409, "ALREADY_RATED");
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("satisfactionRating").asInt()).isEqualTo(4);
  }
}
