package org.motcua.process.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * One configuration serves both engines: the {@code camunda.bpm.*} settings motcua's files, command lines and
 * environment variables carry reach the Operaton starter as {@code operaton.bpm.*}, and a setting written with the
 * starter's own prefix wins. Runs on both builds: the prefix under test is passed in, not taken from the classpath.
 */
class EnginePropertyPrefixTest {

  @Test
  void everyCamundaSettingIsReadUnderTheStartersPrefixWhereItWasWritten() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
        "camunda.bpm.history-level", "none",
        "camunda.bpm.admin-user.id", "ops",
        "camunda.bpm.generic-properties.properties.historyCleanupBatchWindowStartTime", "22:00",
        "camunda.bpm.job-execution.lock-time-in-millis", "${lock:60000}",
        "operaton.bpm.history-level", "full",
        "motcua.camunda.bpm.unrelated", "x")));
    environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of(
        "camunda.bpm.admin-user.id", "night-shift")));
    environment.getPropertySources().addFirst(new MapPropertySource("inlined test properties", Map.of(
        "operaton.bpm.process-engine-name", "explicit", "camunda.bpm.process-engine-name", "lower")));
    environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of(
        "CAMUNDA_BPM_ADMINUSER_PASSWORD", "a-long-real-passphrase", "CAMUNDA_BPM_WEBAPP_ENABLED", "false")));

    EnginePropertyPrefix.copy(environment, "operaton.bpm");

    assertThat(environment.getProperty("operaton.bpm.generic-properties.properties.historyCleanupBatchWindowStartTime"))
        .isEqualTo("22:00");
    assertThat(environment.getProperty("operaton.bpm.job-execution.lock-time-in-millis")).isEqualTo("60000");
    // Each copy sits where its original was: the command line still beats application.yml.
    assertThat(environment.getProperty("operaton.bpm.admin-user.id")).isEqualTo("night-shift");
    // The starter's own prefix wins, in the same source and from a higher one.
    assertThat(environment.getProperty("operaton.bpm.history-level")).isEqualTo("full");
    assertThat(environment.getProperty("operaton.bpm.process-engine-name")).isEqualTo("explicit");
    // Environment variables keep their relaxed names, so the starter binds them like any other.
    Binder binder = Binder.get(environment);
    assertThat(binder.bind("operaton.bpm.admin-user.password", String.class).get())
        .isEqualTo("a-long-real-passphrase");
    assertThat(binder.bind("operaton.bpm.webapp.enabled", Boolean.class).get()).isFalse();
    assertThat(environment.getProperty("motcua.operaton.bpm.unrelated")).isNull();
    // The originals stay for whoever reads them (ProductionSafety reads camunda.bpm.admin-user).
    assertThat(environment.getProperty("camunda.bpm.admin-user.id")).isEqualTo("night-shift");
  }

  @Test
  void theStarterThatReadsCamundaBpmGetsNothingCopied() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
        "camunda.bpm.history-level", "none")));
    int sources = environment.getPropertySources().size();

    EnginePropertyPrefix.copy(environment, EnginePropertyPrefix.CONFIGURED);

    assertThat(environment.getPropertySources().size()).isEqualTo(sources);
  }

  @Test
  void theBuildsStarterIsTheOneWhosePrefixIsUsed() {
    // Camunda's starter on the default build, Operaton's (operaton.bpm) on -Poperaton.
    assertThat(CamundaBpmProperties.PREFIX).isIn("camunda.bpm", "operaton.bpm");
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
        "camunda.bpm.admin-user.id", "ops")));
    new EnginePropertyPrefix().postProcessEnvironment(environment, null);
    assertThat(environment.getProperty(CamundaBpmProperties.PREFIX + ".admin-user.id")).isEqualTo("ops");
  }
}
