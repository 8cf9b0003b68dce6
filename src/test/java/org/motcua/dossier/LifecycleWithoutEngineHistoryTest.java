package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A new database gets the engine's history level {@code none} (motcua's dossier history is the record), while the
 * rest of the suite runs with {@code activity} for the process tests' path assertions. This test runs the production
 * default on a database of its own: a dossier goes the whole way, with a supplement round that pauses and moves its
 * timers, and its own history tells all of it while the engine keeps no history at all.
 */
@MotcuaTest
// An engine name of its own (no hyphen: the starter ignores such names): engines are registered JVM-wide by name,
// and closing this context must not take the suite's "default" engine (the one the engine REST API serves) with it.
// Without Camunda's web apps: they keep JVM-wide state, which this context's closing would take from the suite's.
@TestPropertySource(properties = {"camunda.bpm.history-level-default=none",
    "camunda.bpm.process-engine-name=nohistory", "camunda.bpm.webapp.enabled=false"})
@DirtiesContext
class LifecycleWithoutEngineHistoryTest {

  private static final String DEATH_REGISTRATION = "1.000656.000.00.21.H13"; // no fee, phường Vị Thanh

  /** Its own database: the engine keeps the history level a database was created with. */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    if (!"postgresql".equals(System.getProperty("motcua.test.database"))) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:motcua-no-history;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      return;
    }
    String schema = TestProfiles.freshSchema("_no_history");
    registry.add("motcua.test.pg.schema", () -> schema);
  }

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;

  @Test
  void aDossierGoesTheWholeWayWithTheEngineKeepingNoHistory() {
    assertThat(engine.getName()).isEqualTo("nohistory");
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
        .isEqualTo("none");
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", DEATH_REGISTRATION);
    flow.decide("clerk.vithanh", code, "accept", null);
    flow.decide("specialist.vithanh", code, "supplement", "Thiếu bản sao Giấy chứng tử");
    Api.Response supplied = api.post("citizen", "/api/dossiers/" + code + "/supplements",
        java.util.Map.of("note", "Đã bổ sung"));
    assertThat(supplied.status()).as(supplied.toString()).isEqualTo(200);
    flow.decide("specialist.vithanh", code, "forward", null);
    flow.decide("leader.vithanh", code, "approve", null);
    flow.uploadResult("clerk.vithanh", code);
    JsonNode returned = flow.decide("clerk.vithanh", code, "return", null);

    assertThat(returned.path("status").asInt()).isEqualTo(10);
    assertThat(returned.path("currentSteps")).isEmpty();
    assertThat(returned.path("history").findValuesAsText("action")).containsSubsequence("SUBMITTED", "RECEIVED",
        "SUPPLEMENT_REQUESTED", "SUPPLEMENT_PROVIDED", "FINISHED", "RESULT_DIGITIZED", "RETURNED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code).count())
        .isZero();
    for (String table : new String[] {"ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST"}) {
      assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
    }
  }
}
