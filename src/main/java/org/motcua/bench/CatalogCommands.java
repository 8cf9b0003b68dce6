package org.motcua.bench;

import java.util.Map;

/**
 * The catalogue commands of the jar, which need no service of their own: {@code catalog-generate}
 * ({@link CatalogGenerator}) and {@code catalog-benchmark} ({@link CatalogBenchmark}, which starts its own nodes).
 * {@code MotcuaApplication.main} hands them over before Spring starts.
 */
public final class CatalogCommands {

  private CatalogCommands() {
  }

  /** Runs the command named by the first argument, if it is one of these; false otherwise. */
  public static boolean run(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("catalog-generate") || args[0].equals("catalog-benchmark"))) {
      return false;
    }
    Map<String, String> options = CommandOptions.parse(args);
    if (args[0].equals("catalog-generate")) {
      CatalogGenerator.main(options);
    } else {
      CatalogBenchmark.main(options);
    }
    return true;
  }
}
