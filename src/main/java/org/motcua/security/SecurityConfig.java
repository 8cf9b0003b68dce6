package org.motcua.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.motcua.common.DatabaseOutage;
import org.motcua.common.Problems;
import org.motcua.process.EngineWebApps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may call what. The API uses HTTP Basic and answers refusals with problem+json; pages use a login form.
 * Ownership (a citizen's own dossiers, an officer's own agency) is checked again in each feature's service.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  private static final RequestMatcher API = new OrRequestMatcher(new AntPathRequestMatcher("/api/**"),
      new AntPathRequestMatcher("/engine-rest/**"), new AntPathRequestMatcher("/actuator/**"));

  /**
   * @param loginSuccess  where a person lands after signing in on the login page (their role's home page, see the
   *                      web feature); the API never uses it
   * @param publicApiDocs whether Swagger UI and the OpenAPI description are open to everyone (the demo profile), see
   *                      {@link #apiDocs}
   */
  @Bean
  SecurityFilterChain filterChain(HttpSecurity http, ProblemWriter problems, AuthenticationSuccessHandler loginSuccess,
      DatabaseOutage outage, EngineWebApps engineWebApps, OidcSignIn oidc,
      @org.springframework.beans.factory.annotation.Value("${motcua.security.public-api-docs:false}")
      boolean publicApiDocs) throws Exception {
    // Signing in needs the accounts table: with the database away the answer is 503, not "wrong password".
    AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
      if (outage.explains(e)) {
        outage.write(request, response);
      } else if (e instanceof SignInThrottledException throttled) {
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, SignInThrottledException.CODE,
            throttled.retryAfterMinutes());
      } else {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
      }
    };
    // Only pages remember the request that needed a sign-in; the API is stateless and never opens a session.
    HttpSessionRequestCache pageRequests = new HttpSessionRequestCache();
    pageRequests.setRequestMatcher(new NegatedRequestMatcher(API));
    http
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.GET, "/api/calendar/**", "/api/agencies/**", "/api/procedures/**").permitAll()
            // A gateway's IPN is authenticated by its signature, not by a user.
            .requestMatchers(HttpMethod.GET, "/api/payments/*/ipn").permitAll()
            .requestMatchers("/error").permitAll()
            .requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
            .access(apiDocs(publicApiDocs))
            // Load balancers probe health and readiness without credentials; details and metrics need ADMIN.
            .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
            .requestMatchers(engineWebApps.path() + "/**", "/engine-rest/**", "/actuator/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/api/reports/**").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
            .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
            .requestMatchers("/api/tasks/**")
            .hasAnyRole(Role.CLERK.name(), Role.SPECIALIST.name(), Role.LEADER.name())
            .requestMatchers(HttpMethod.POST, "/api/dossiers").hasRole(Role.CITIZEN.name())
            .requestMatchers("/api/counter/**").hasRole(Role.CLERK.name())
            .requestMatchers("/api/**").authenticated()
            // Web pages by audience; the catalogue, the login page and static assets stay public.
            .requestMatchers("/citizen/**").hasRole(Role.CITIZEN.name())
            .requestMatchers("/officer/**").hasAnyRole(Role.CLERK.name(), Role.SPECIALIST.name(), Role.LEADER.name())
            .requestMatchers("/supervisor/**").hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
            .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
            .anyRequest().permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
        .requestCache(cache -> cache.requestCache(pageRequests))
        .formLogin(form -> form.loginPage("/login").successHandler(loginSuccess)
            .failureHandler(ThrottledSignIn.loginFailure()).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(unauthenticated, API)
            .defaultAccessDeniedHandlerFor(
                (request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                    e instanceof org.springframework.security.web.csrf.CsrfException ? "CSRF_TOKEN_REQUIRED"
                        : "ACCESS_DENIED"),
                API)
            // Pages get the HTML error page. Needed explicitly: with a single mapping Spring Security uses it for
            // every request, and a page refused for the wrong role would answer with problem+json.
            .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
        // Pages and any API call a browser makes need the CSRF token; a program calling the API with its own
        // credentials needs none. The engine's web apps carry their own CSRF protection.
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken)
            .ignoringRequestMatchers(new AntPathRequestMatcher(engineWebApps.path() + "/**"),
                new AntPathRequestMatcher("/sandbox/**")))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    if (oidc.enabled()) {
      // A refused bearer token: 401 problem+json with motcua's code (INVALID_TOKEN for a bad signature, issuer,
      // audience or time; IDENTITY_CLAIM_MISSING, IDENTITY_CONFLICT, OFFICER_NOT_AUTHORISED for the claims).
      AuthenticationEntryPoint bearerRefused = (request, response, e) -> {
        if (outage.explains(e)) {
          outage.write(request, response);
        } else {
          String code = OidcSignIn.codeOf(e);
          problems.write(request, response, HttpStatus.UNAUTHORIZED,
              OidcSignIn.GENERIC_FAILURE.equals(code) ? OidcSignIn.INVALID_TOKEN : code);
        }
      };
      oidc.apply(http, loginSuccess, API, bearerRefused);
    }
    return http.build();
  }

  private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  /**
   * Which requests must carry the CSRF token: every state-changing page request, and a state-changing API call that
   * comes from a browser — one signed in by its session cookie without credentials of its own, or that carries an
   * {@code Origin} or {@code Sec-Fetch-Site} header (browsers add them to cross-site requests, also when they attach
   * Basic credentials they remember; a page cannot remove them). Programs calling the API with their own HTTP Basic
   * credentials need no token, even if their client keeps cookies.
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return false;
    }
    if (!API.matches(request)) {
      return true;
    }
    if (request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Site") != null) {
      return true;
    }
    // Runs after the session's sign-in is loaded and before any Basic header is read: an authentication here came
    // from the session cookie.
    var signedIn = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
    return signedIn != null && signedIn.isAuthenticated() && request.getHeader("Authorization") == null;
  }

  /**
   * Swagger UI and {@code /v3/api-docs}: for ADMIN only, unless {@code motcua.security.public-api-docs} (a demo
   * convenience) opens them. They describe every endpoint; a production service has no reason to show that to all.
   */
  static AuthorizationManager<RequestAuthorizationContext> apiDocs(boolean publicApiDocs) {
    return publicApiDocs ? (authentication, request) -> new AuthorizationDecision(true)
        : AuthorityAuthorizationManager.hasRole(Role.ADMIN.name());
  }

  /**
   * BCrypt (through the delegating encoder), with successful checks remembered for
   * {@code motcua.security.verified-password-ttl} (default 5 minutes; 0 turns it off), see {@link VerifiedPasswords}.
   */
  @Bean
  PasswordEncoder passwordEncoder(
      @org.springframework.beans.factory.annotation.Value("${motcua.security.verified-password-ttl:PT5M}")
      java.time.Duration ttl) {
    return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), ttl,
        java.time.Clock.systemUTC());
  }

  /**
   * No Micrometer observation around each security filter, authentication and authorization: on every API call that
   * wrapping cost more CPU than the authentication itself. Request timings stay in {@code http.server.requests}.
   */
  @Bean
  org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
    return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
  }

  /** Writes security refusals in the same problem+json shape and language as the rest of the API. */
  @org.springframework.stereotype.Component
  static class ProblemWriter {

    private final Problems problems;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    ProblemWriter(Problems problems, ObjectMapper json, LocaleResolver locales) {
      this.problems = problems;
      this.json = json;
      this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
        Object... args) throws IOException {
      LocaleContextHolder.setLocale(locales.resolveLocale(request));
      ProblemDetail problem = problems.of(status, code, args);
      response.setStatus(status.value());
      response.setCharacterEncoding("UTF-8");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      if (status == HttpStatus.UNAUTHORIZED && request.getRequestURI().startsWith("/api/")) {
        String authorization = request.getHeader("Authorization");
        response.setHeader("WWW-Authenticate", authorization != null && authorization.regionMatches(true, 0,
            "Bearer ", 0, 7) ? "Bearer error=\"invalid_token\"" : "Basic realm=\"motcua\"");
      }
      json.writeValue(response.getOutputStream(), problem);
    }
  }
}
