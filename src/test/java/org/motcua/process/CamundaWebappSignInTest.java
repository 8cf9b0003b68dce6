package org.motcua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.motcua.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: Cockpit, Tasklist and Admin behind motcua's sign-in. Before, an ADMIN signed in to motcua got Cockpit's
 * own login page; signing in there (Camunda's admin/admin) replaced the session and signed them out of motcua. Now the
 * web apps take motcua's sign-in (container-based authentication), no Camunda user exists, and everyone else is
 * refused.
 */
@MotcuaTest
class CamundaWebappSignInTest {

  private static final String JSON = "application/json";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  EngineWebApps apps;

  @Test
  void anAdminSignedInToMotcuaUsesCockpitWithoutASecondLoginAndStaysSignedIn() {
    PageSession admin = new PageSession(port).signIn("admin", "admin");
    // Cockpit's page, then the calls it makes: no sign-in form, the user is motcua's admin.
    assertThat(admin.get(apps.path() + "/app/cockpit/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> who = admin.get(apps.path() + "/api/admin/auth/user/default", JSON);
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"admin\"", "cockpit", "tasklist", "admin");

    HttpResponse<String> definitions = admin.get(apps.path() + "/api/engine/engine/default/process-definition/count", JSON);
    assertThat(definitions.statusCode()).as(definitions.body()).isEqualTo(200);
    assertThat(definitions.body()).doesNotContain("\"count\":0");
    HttpResponse<String> instances = admin.get(apps.path() + "/api/engine/engine/default/process-instance/count", JSON);
    assertThat(instances.statusCode()).as(instances.body()).isEqualTo(200);
    HttpResponse<String> statistics = admin.get(
        apps.path() + "/api/cockpit/plugin/base/default/process-definition/statistics", JSON);
    assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);

    // motcua's session survives: its own admin page still opens.
    assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    // No Camunda user, so no Camunda password anywhere.
    assertThat(jdbc.queryForObject("select count(*) from ACT_ID_USER", Long.class)).isZero();
  }

  @Test
  void nonAdministratorsAndStrangersAreRefused() {
    PageSession clerk = new PageSession(port).signIn("clerk.stp");
    assertThat(clerk.get(apps.path() + "/app/cockpit/default/").statusCode()).isEqualTo(403);
    assertThat(clerk.get(apps.path() + "/api/engine/engine/default/process-definition/count", JSON).statusCode()).isEqualTo(403);
    assertThat(clerk.get(apps.path() + "/api/admin/auth/user/default", JSON).statusCode()).isEqualTo(403);
    PageSession supervisor = new PageSession(port).signIn("supervisor.tinh");
    assertThat(supervisor.get(apps.path() + "/app/admin/default/").statusCode()).isEqualTo(403);

    HttpResponse<String> anonymous = new PageSession(port).get(apps.path() + "/app/cockpit/default/");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
  }
}
