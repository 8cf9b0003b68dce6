package org.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** motcua — engine for administrative-procedure dossiers (hồ sơ thủ tục hành chính) in one-stop shops. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

  public static void main(String[] args) {
    SpringApplication.run(MotcuaApplication.class, args);
  }
}
