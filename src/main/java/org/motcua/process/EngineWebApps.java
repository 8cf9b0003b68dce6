package org.motcua.process;

/**
 * The process engine's own web apps (Cockpit, Tasklist, Admin): whose they are and where they are served. The
 * security rules, the pages' headers and the administrator's links follow them, whichever engine the build has
 * ({@code /camunda} on Camunda 7, {@code /operaton} on Operaton, or the configured application path).
 */
public interface EngineWebApps {

  /** The engine's name as its users know it: "Camunda" or "Operaton". */
  String product();

  /** Where the web apps are served, below the context path: starts with a slash, never ends with one. */
  String path();
}
