package org.motcua.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Health and readiness for load balancers; metrics for the admin's Prometheus. */
@MotcuaTest
class ObservabilityTest {

  @Autowired
  Api api;

  @Test
  void healthAndReadinessAreOpenAndShowTheEngineToAdmins() {
    Api.Response health = api.get(null, "/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text("status")).isEqualTo("UP");
    assertThat(api.get(null, "/actuator/health/readiness").text("status")).isEqualTo("UP");
    assertThat(api.get(null, "/actuator/health/liveness").text("status")).isEqualTo("UP");
    Api.Response detailed = api.get("admin", "/actuator/health");
    assertThat(detailed.body().path("components").has("db")).isTrue();
    assertThat(detailed.body().path("components").has("processEngine")).isTrue();
    // The job executor's own indicator shows too when it runs (the tests switch it off to fire timers by hand).
  }

  @Test
  void prometheusShowsDossierAndEngineMetricsToAdminsOnly() {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", "2.000488.000.00.12.H13");
    flow.decide("clerk.stp", code, "accept", null);

    Api.Response metrics = api.get("admin", "/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    String text = new String(metrics.raw(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).contains("motcua_dossiers_received_total{", "channel=\"2\"", "agency=\"000.00.12.H13\"");
    assertThat(text).contains("motcua_task_completion_seconds", "task=\"reception\"");
    assertThat(text).contains("motcua_jobs_backlog", "motcua_jobs_failed", "motcua_dossiers_overdue_in_progress");

    assertThat(api.get("clerk.stp", "/actuator/prometheus").status()).isEqualTo(403);
    assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
  }
}
