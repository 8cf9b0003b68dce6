package org.motcua.support;

import org.motcua.common.MotcuaZone;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

  @Bean
  @Primary
  TestClock testClock(MotcuaZone zone) {
    return new TestClock(zone.id());
  }

  @Bean
  Api api(RestTemplateBuilder builder, org.springframework.core.env.Environment env) {
    return new Api(builder, env);
  }
}
