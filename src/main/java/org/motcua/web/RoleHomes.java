package org.motcua.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.motcua.security.MotcuaUser;
import org.motcua.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Where each role starts: a citizen at their dossiers, an officer at their inbox, a supervisor at the dashboard.
 * A person who was sent to the login page from a deeper link goes back there instead.
 */
@Component
class RoleHomes extends SavedRequestAwareAuthenticationSuccessHandler {

  static String homeOf(Role role) {
    return switch (role) {
      case CITIZEN -> "/citizen/dossiers";
      case CLERK, SPECIALIST, LEADER -> "/officer/inbox";
      case SUPERVISOR -> "/supervisor/dashboard";
      case ADMIN -> "/admin";
    };
  }

  @Override
  protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) {
    return authentication.getPrincipal() instanceof MotcuaUser user ? homeOf(user.role()) : "/";
  }
}
