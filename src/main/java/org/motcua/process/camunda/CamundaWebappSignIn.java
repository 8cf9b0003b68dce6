package org.motcua.process.camunda;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.motcua.process.EngineWebApps;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's web apps (Cockpit, Tasklist, Admin) signed in by motcua's own sign-in: Camunda's container-based
 * authentication, with the "container" being Spring Security. An ADMIN signed in to motcua (password or identity
 * provider) opens Cockpit without a second login, under their motcua username; anyone else never reaches the web apps
 * (Spring Security refuses the web apps' path to all but ADMIN, and this provider vouches for ADMIN only). No Camunda
 * user or password exists: the identity lookup Camunda does for its own users is skipped, and Camunda's own login
 * (which replaced the session and signed the administrator out of motcua) is never shown.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSignIn {

  /** The group Camunda's Admin app knows administrators by. */
  static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

  /** After Spring Security's filter chain (order -100), before the web apps' own authentication filter. */
  @Bean
  FilterRegistrationBean<SignedInByMotcua> camundaWebappSignInFilter(EngineWebApps webApps) {
    String path = webApps.path();
    FilterRegistrationBean<SignedInByMotcua> registration = new FilterRegistrationBean<>(new SignedInByMotcua());
    registration.setName("camundaWebappSignIn");
    registration.setInitParameters(Map.of("authentication-provider", MotcuaAdministrator.class.getName()));
    registration.addUrlPatterns(path + "/app/*", path + "/api/*");
    registration.setOrder(201);
    return registration;
  }

  /**
   * The container-based filter, without Camunda's identity lookup (which needs a Camunda user of that id): the user is
   * motcua's administrator, in the Camunda administrators' group, authorized for every web app.
   */
  static final class SignedInByMotcua extends ContainerBasedAuthenticationFilter {

    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
        List<String> tenants) {
      UserAuthentication authentication = new UserAuthentication(username, engine.getName());
      authentication.setGroupIds(groups);
      authentication.setTenantIds(tenants);
      Set<String> apps = new HashSet<>(Arrays.asList(AuthenticationUtil.APPS));
      apps.add(AuthenticationUtil.APP_WELCOME);
      authentication.setAuthorizedApps(apps);
      return authentication;
    }
  }

  /**
   * Who Spring Security signed in, if an ADMIN (authority {@code ROLE_ADMIN}, as motcua's security feature grants it);
   * otherwise nobody (Camunda answers 401). Reads Spring Security only, so the engine adapter does not depend on the
   * security feature. Instantiated by Camunda by its class name.
   */
  public static final class MotcuaAdministrator extends ContainerBasedAuthenticationProvider {

    static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
      if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken
          || signedIn.getAuthorities().stream().noneMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()))) {
        return AuthenticationResult.unsuccessful();
      }
      AuthenticationResult result = AuthenticationResult.successful(signedIn.getName());
      result.setGroups(List.of(CAMUNDA_ADMIN_GROUP));
      result.setTenants(List.of());
      return result;
    }
  }
}
