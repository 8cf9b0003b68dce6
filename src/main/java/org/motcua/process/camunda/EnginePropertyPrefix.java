package org.motcua.process.camunda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * motcua's configuration names the engine's settings {@code camunda.bpm.*} (application.yml, a province's files,
 * command lines, environment variables {@code CAMUNDA_BPM_*}). The Operaton build's starter reads them under its own
 * prefix, {@code operaton.bpm.*}: this copies each {@code camunda.bpm.*} setting of every property source onto the
 * starter's prefix, in a source just below the original, so one configuration serves both engines and a setting
 * written with the starter's own prefix wins. With Camunda the two prefixes are the same and nothing is copied.
 */
public final class EnginePropertyPrefix implements EnvironmentPostProcessor, Ordered {

  /** The prefix motcua's configuration uses for the engine, whichever engine the build has. */
  public static final String CONFIGURED = "camunda.bpm";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    copy(environment, CamundaBpmProperties.PREFIX);
  }

  /** Copies every {@code camunda.bpm.*} setting to {@code target.*} (nothing when the two are the same). */
  static void copy(ConfigurableEnvironment environment, String target) {
    if (CONFIGURED.equals(target)) {
      return;
    }
    List<PropertySource<?>> sources = new ArrayList<>();
    environment.getPropertySources().forEach(sources::add);
    for (PropertySource<?> source : sources) {
      if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      boolean variables = source instanceof SystemEnvironmentPropertySource;
      String from = variables ? variable(CONFIGURED) : CONFIGURED + ".";
      String to = variables ? variable(target) : target + ".";
      Map<String, Object> copied = new LinkedHashMap<>();
      for (String name : enumerable.getPropertyNames()) {
        if (name.startsWith(from)) {
          String renamed = to + name.substring(from.length());
          if (!enumerable.containsProperty(renamed)) {
            copied.put(renamed, enumerable.getProperty(name));
          }
        }
      }
      if (!copied.isEmpty()) {
        // Ends with the original's name: Spring maps environment variables only in a source named *-systemEnvironment.
        String name = CONFIGURED + " as " + target + "-" + source.getName();
        environment.getPropertySources().addAfter(source.getName(),
            variables ? new SystemEnvironmentPropertySource(name, copied) : new MapPropertySource(name, copied));
      }
    }
  }

  /** {@code camunda.bpm} as the start of an environment variable: {@code CAMUNDA_BPM_}. */
  private static String variable(String prefix) {
    return prefix.replace('.', '_').toUpperCase(Locale.ROOT) + "_";
  }

  /** After Spring Boot has read every configuration file and profile. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
