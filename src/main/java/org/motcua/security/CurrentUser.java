package org.motcua.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user behind the current request, if any; none in job-executor threads (timers). */
public final class CurrentUser {

  private CurrentUser() {
  }

  public static Optional<MotcuaUser> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof MotcuaUser user ? Optional.of(user) : Optional.empty();
  }

  /** How the current user signed in: through a provider, or {@link SignInMethod#LOCAL} (password, or no user). */
  public static SignInMethod signInMethod() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth instanceof MotcuaAuthentication oidc ? oidc.method() : SignInMethod.LOCAL;
  }
}
