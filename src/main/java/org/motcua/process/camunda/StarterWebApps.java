package org.motcua.process.camunda;

import java.util.Locale;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.motcua.process.EngineWebApps;
import org.springframework.stereotype.Component;

/** The web apps the engine's Spring Boot starter serves, at the application path it was configured with. */
@Component
class StarterWebApps implements EngineWebApps {

  private final String product;
  private final String path;

  StarterWebApps(CamundaBpmProperties properties) {
    String engine = CamundaBpmProperties.PREFIX.substring(0, CamundaBpmProperties.PREFIX.indexOf('.'));
    this.product = engine.substring(0, 1).toUpperCase(Locale.ROOT) + engine.substring(1);
    String configured = properties.getWebapp().getApplicationPath();
    this.path = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  @Override
  public String product() {
    return product;
  }

  @Override
  public String path() {
    return path;
  }
}
