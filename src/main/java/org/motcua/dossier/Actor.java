package org.motcua.dossier;

import org.motcua.security.CurrentUser;
import org.motcua.security.MotcuaUser;

/** Who did something to a dossier, as written on the processing-control slip. */
record Actor(String username, String name, String role, String agencyCode) {

  static final Actor SYSTEM = new Actor("system", "Hệ thống", "SYSTEM", null);

  static Actor of(MotcuaUser user) {
    return new Actor(user.username(), user.fullName(), user.role().name(), user.agencyCode());
  }

  /** A payment gateway settling a charge by its server-to-server callback (no user is signed in). */
  static Actor gateway(String name) {
    return new Actor(name, "Cổng thanh toán " + name, "GATEWAY", null);
  }

  /** The signed-in user, or the system when the engine's job executor acts (timers). */
  static Actor current() {
    return CurrentUser.get().map(Actor::of).orElse(SYSTEM);
  }
}
