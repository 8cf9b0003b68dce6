package org.motcua;

import org.motcua.bench.CatalogCommands;
import org.motcua.bench.LoadCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** motcua — engine for administrative-procedure dossiers (hồ sơ thủ tục hành chính) in one-stop shops. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

  public static void main(String[] args) throws Exception {
    // The catalogue generator and benchmark run without a service of their own (the benchmark starts its nodes).
    // So do the load and soak commands (clients; the soak starts its own nodes).
    if (CatalogCommands.run(args) || LoadCommands.run(args)) {
      return;
    }
    SpringApplication.run(MotcuaApplication.class, args);
  }
}
