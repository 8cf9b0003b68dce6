package org.motcua.bench;

import java.util.Map;

/**
 * The load commands of the jar, clients that need no service of their own: {@code load-test} ({@link LoadCommand},
 * against started nodes) and {@code soak} ({@link SoakCommand}, which starts, kills and restarts its two nodes).
 * {@code MotcuaApplication.main} hands them over before Spring starts.
 */
public final class LoadCommands {

  private LoadCommands() {
  }

  /** Runs the command named by the first argument, if it is one of these; false otherwise. */
  public static boolean run(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("load-test") || args[0].equals("soak"))) {
      return false;
    }
    Map<String, String> options = CommandOptions.parse(args);
    if (args[0].equals("load-test")) {
      LoadCommand.main(options);
    } else {
      SoakCommand.main(options);
    }
    return true;
  }
}
