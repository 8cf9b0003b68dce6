package org.motcua.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.TestConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under load and comes back, on a PostgreSQL server the test runs itself (never the
 * machine's shared one): requests answer 503 {@code DATABASE_UNAVAILABLE} with a clear message, nothing is
 * half-written, and the service recovers by itself. Part of the PostgreSQL run.
 */
@EnabledIfSystemProperty(named = "motcua.test.database", matches = "postgresql")
// Without Camunda's web apps: they keep JVM-wide state, which this context's closing would take from the suite's.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=outage", "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles({"demo", "test", "postgres", "test-postgres"})
@Import(TestConfig.class)
@DirtiesContext
class DatabaseOutageTest {

  private static final String PROCEDURE = "2.000488.000.00.12.H13";
  private static final String SCHEMA = "motcua_scale_outage";
  private static PrivatePostgres pg;

  // Before the Spring context is built, so that a machine without the binaries skips the class (an assumption
  // failing while the context loads would be an error, not a skip).
  @BeforeAll
  static void startPrivateServer() throws Exception {
    String reason = PrivatePostgres.unavailableReason();
    Assumptions.assumeTrue(reason == null, () -> "DatabaseOutageTest skipped: " + reason);
    pg = PrivatePostgres.create();
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
      c.createStatement().execute("create schema " + SCHEMA);
    }
  }

  @DynamicPropertySource
  static void privateServer(DynamicPropertyRegistry registry) {
    registry.add("motcua.test.pg.url", pg::jdbcUrl);
    registry.add("motcua.test.pg.schema", () -> SCHEMA);
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    registry.add("spring.datasource.hikari.validation-timeout", () -> "1000");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
  }

  @AfterAll
  static void removeServer() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void requestsFailWith503WhileTheDatabaseIsAwayAndTheServiceRecoversByItself() throws Exception {
    Dossiers flow = new Dossiers(api);
    String before = flow.submit("citizen", PROCEDURE);

    // Citizens keep submitting while the database stops under them.
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      running.add(clients.submit(() -> {
        while (!stop.get()) {
          Api.Response r = api.post("citizen", "/api/dossiers", Dossiers.submission(PROCEDURE));
          statuses.merge(r.status(), 1, Integer::sum);
          if (r.status() == 201) {
            accepted.add(r.text("code"));
          }
        }
        return null;
      }));
    }
    Thread.sleep(3000);
    pg.stop();
    Thread.sleep(1500);
    stop.set(true);
    for (Future<?> f : running) {
      f.get();
    }
    clients.shutdown();
    assertThat(statuses).as("answers under load: %s", statuses).containsKeys(201, 503).containsOnlyKeys(201, 503);

    // While it is away: 503 problem+json with a stable code and a clear message, in the caller's language.
    Api.Response submit = api.post("citizen", "/api/dossiers", Dossiers.submission(PROCEDURE));
    assertThat(submit.status()).isEqualTo(503);
    assertThat(submit.contentType()).startsWith("application/problem+json");
    assertThat(submit.text("code")).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(submit.text("detail")).contains("Cơ sở dữ liệu tạm thời không truy cập được");
    assertThat(submit.headers().getFirst("Retry-After")).isEqualTo("5");
    Api.Response read = api.call(HttpMethod.GET, "clerk.stp", "/api/dossiers/" + before, null, "en");
    assertThat(read.status()).isEqualTo(503);
    assertThat(read.text("code")).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(read.text("detail")).contains("The database is temporarily unreachable");
    assertThat(api.get("clerk.stp", "/api/tasks").status()).isEqualTo(503);

    // Back again: the pool reconnects by itself; no restart, no operator.
    pg.start();
    Api.Response again = null;
    for (int i = 0; i < 60; i++) {
      again = api.post("citizen", "/api/dossiers", Dossiers.submission(PROCEDURE));
      if (again.status() == 201) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(again.status()).as("after the database came back: %s", again).isEqualTo(201);
    accepted.add(again.text("code"));
    flow.uploadComponents("citizen", before, PROCEDURE);
    flow.decide("clerk.stp", before, "accept", null);
    assertThat(api.get("citizen", "/api/dossiers/" + before).body().path("status").asInt()).isEqualTo(4);

    // Nothing half-written, both ways: every dossier there has its process, its history line and its outbox event,
    // and nothing is there without its dossier; every submission that was answered 201 is there.
    List<Map<String, Object>> dossiers = jdbc.queryForList("select id, code, process_instance_id from dossier");
    assertThat(dossiers.stream().map(d -> (String) d.get("code")).toList()).containsAll(accepted);
    for (Map<String, Object> d : dossiers) {
      String code = (String) d.get("code");
      assertThat(d.get("process_instance_id")).as("process of %s", code).isNotNull();
      assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where id_ = ?", Integer.class,
          d.get("process_instance_id"))).as("running process of %s", code).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from dossier_event where dossier_id = ? and action = 'SUBMITTED'",
          Integer.class, d.get("id"))).as("history of %s", code).isEqualTo(1);
      assertThat(jdbc.queryForObject("select count(*) from outbox_event where dossier_code = ?"
          + " and topic = 'dossier.status-changed' and payload like '%\"status\":1,%'",
          Integer.class, code)).as("status event of %s", code).isEqualTo(1);
    }
    Integrity.assertNothingWithoutItsDossier(jdbc);
  }
}
