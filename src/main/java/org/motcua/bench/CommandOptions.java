package org.motcua.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name=value} options of the jar's commands that run before Spring starts. */
final class CommandOptions {

  private CommandOptions() {
  }

  /** The options after the command's name; {@code --flag} alone is {@code true}. */
  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("expected --option=value, found '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      // The first one counts, as with the other commands' options.
      options.putIfAbsent(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
          equals < 0 ? "true" : arg.substring(equals + 1));
    }
    return options;
  }
}
