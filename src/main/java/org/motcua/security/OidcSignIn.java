package org.motcua.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Sign-in with OpenID Connect, switched on by {@code motcua.security.oidc.providers} (none: nothing here is used).
 *
 * <ul>
 *   <li>Pages: authorization code with PKCE at {@code /oauth2/authorization/<provider>}; the provider's claims give
 *       the account ({@link OidcAccounts}), which becomes the session's principal like after a password sign-in.
 *   <li>API: bearer JWTs of the same providers, the issuer picking the provider; signature, issuer, audience and
 *       time (with the provider's clock skew) checked; the same accounts and mapping.
 *   <li>Sign-out ends the session and, when the provider publishes an {@code end_session_endpoint}, its session
 *       too (RP-initiated logout with the ID token as hint), on whichever node the sign-out arrives.
 * </ul>
 * Providers' metadata is read at first use, so motcua starts while a provider is unreachable.
 */
@Component
class OidcSignIn {

  private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
  static final String GENERIC_FAILURE = "OIDC_SIGN_IN_FAILED";
  static final String INVALID_TOKEN = "INVALID_TOKEN";

  private final OidcProviders config;
  private final OidcAccounts accounts;
  private final LazyRegistrations registrations;
  private final String publicUrl;

  OidcSignIn(OidcProviders config, OidcAccounts accounts,
      @org.springframework.beans.factory.annotation.Value("${motcua.forms.public-url:http://localhost:8080}")
      String publicUrl) {
    this.config = config;
    this.accounts = accounts;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.registrations = new LazyRegistrations(config);
  }

  boolean enabled() {
    return config.any();
  }

  /** Adds the provider sign-in for pages and the bearer tokens for {@code api} to the filter chain. */
  void apply(HttpSecurity http, AuthenticationSuccessHandler loginSuccess, RequestMatcher api,
      AuthenticationEntryPoint bearerRefused) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
        registrations, "/oauth2/authorization");
    authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    DefaultBearerTokenResolver headers = new DefaultBearerTokenResolver();
    BearerTokenResolver apiOnly = request -> api.matches(request) ? headers.resolve(request) : null;
    http
        .oauth2Login(login -> login
            .loginPage("/login")
            .clientRegistrationRepository(registrations)
            .authorizedClientRepository(new NoAuthorizedClients())
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(authorizationRequests))
            .userInfoEndpoint(info -> info.oidcUserService(userService()))
            .successHandler(success(loginSuccess))
            .failureHandler(failure()))
        .oauth2ResourceServer(resource -> resource
            .bearerTokenResolver(apiOnly)
            .authenticationManagerResolver(bearerManagers())
            .authenticationEntryPoint(bearerRefused))
        .logout(logout -> logout.logoutSuccessHandler(signOut()));
  }

  // ---- pages

  private OAuth2UserService<OidcUserRequest, OidcUser> userService() {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      String id = request.getClientRegistration().getRegistrationId();
      OidcAccounts.SignedIn signedIn = accounts.signIn(id, provider(id), user.getSubject(), user.getClaims(),
          false);
      return new ProvisionedOidcUser(user, signedIn);
    };
  }

  /** The provider's user with the motcua account it gave; replaced by {@link MotcuaAuthentication} at once. */
  private static final class ProvisionedOidcUser extends DefaultOidcUser {

    private static final long serialVersionUID = 1L;
    private final transient OidcAccounts.SignedIn signedIn;

    ProvisionedOidcUser(OidcUser user, OidcAccounts.SignedIn signedIn) {
      super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
      this.signedIn = signedIn;
    }
  }

  /**
   * The session keeps motcua's account as the principal (what every feature reads), with how it signed in and the ID
   * token for the provider's sign-out; the provider's tokens are not kept.
   */
  private static AuthenticationSuccessHandler success(AuthenticationSuccessHandler loginSuccess) {
    HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    RequestAttributeSecurityContextRepository requests = new RequestAttributeSecurityContextRepository();
    return (request, response, authentication) -> {
      ProvisionedOidcUser provisioned = (ProvisionedOidcUser) authentication.getPrincipal();
      MotcuaAuthentication signedIn = new MotcuaAuthentication(provisioned.signedIn.user(),
          provisioned.signedIn.method(), provisioned.getIdToken().getTokenValue());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(signedIn);
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, request, response);
      requests.saveContext(context, request, response);
      log.info("{} signed in through {} (assurance level {})", signedIn.getName(), signedIn.method().provider(),
          signedIn.method().assuranceLevel());
      loginSuccess.onAuthenticationSuccess(request, response, signedIn);
    };
  }

  /** Back to the sign-in page with motcua's code (the page shows its Vietnamese explanation). */
  private static AuthenticationFailureHandler failure() {
    return (request, response, e) -> {
      String code = codeOf(e);
      log.info("Sign-in through a provider refused: {} ({})", code, e.getMessage());
      response.sendRedirect(request.getContextPath() + "/login?oidcError=" + code);
    };
  }

  /** motcua's code for a refused provider sign-in or bearer token. */
  static String codeOf(AuthenticationException e) {
    if (e instanceof OAuth2AuthenticationException oauth
        && OidcSignInRefused.CODES.contains(oauth.getError().getErrorCode())) {
      return oauth.getError().getErrorCode();
    }
    return GENERIC_FAILURE;
  }

  /**
   * The provider's sign-out for a session signed in through it: the registration is looked up (read from the
   * provider's metadata if this node has not served the provider since it started), and the browser comes back to
   * motcua's public address ({@code motcua.forms.public-url}, else {@code MOTCUA_PUBLIC_URL}), never to one taken
   * from the request's Host header.
   */
  LogoutSuccessHandler signOut() {
    return (request, response, authentication) -> {
      String target = request.getContextPath() + "/login?logout";
      if (authentication instanceof MotcuaAuthentication oidc && oidc.idToken() != null) {
        String endSession = endSessionEndpoint(oidc.method().provider());
        if (endSession != null) {
          String back = publicUrl + "/login?logout";
          target = endSession + (endSession.contains("?") ? "&" : "?")
              + "id_token_hint=" + encode(oidc.idToken())
              + "&client_id=" + encode(provider(oidc.method().provider()).clientId())
              + "&post_logout_redirect_uri=" + encode(back);
        }
      }
      response.sendRedirect(target);
    };
  }

  private String endSessionEndpoint(String id) {
    ClientRegistration registration;
    try {
      registration = registrations.findByRegistrationId(id);
    } catch (RuntimeException unreachable) {
      // The provider's metadata cannot be read now: motcua's session ends all the same.
      log.warn("Sign-out through {} skipped: its metadata could not be read ({})", id, unreachable.getMessage());
      return null;
    }
    if (registration == null) {
      return null;
    }
    Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    return endpoint == null ? null : endpoint.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- API

  private AuthenticationManagerResolver<HttpServletRequest> bearerManagers() {
    Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    Map<String, String> providerOfIssuer = new java.util.HashMap<>();
    config.providers().forEach((id, p) -> providerOfIssuer.put(p.issuerUri(), id));
    AuthenticationManagerResolver<String> byIssuer = issuer -> {
      String id = providerOfIssuer.get(issuer);
      return id == null ? null : managers.computeIfAbsent(id, this::bearerManager);
    };
    return new JwtIssuerAuthenticationManagerResolver(byIssuer);
  }

  private AuthenticationManager bearerManager(String id) {
    OidcProviders.Provider p = provider(id);
    SupplierJwtDecoder decoder = new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(p.issuerUri()).build();
      nimbus.setJwtValidator(validator(p));
      return nimbus;
    });
    JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
    jwt.setJwtAuthenticationConverter(token -> {
      OidcAccounts.SignedIn signedIn = accounts.signIn(id, p, token.getSubject(), token.getClaims(), true);
      return new MotcuaAuthentication(signedIn.user(), signedIn.method(), null);
    });
    return jwt::authenticate;
  }

  /**
   * Time (with the provider's skew; an {@code exp} is required), issuer, and the audience motcua is known by at the
   * provider; no {@code nonce}:
   * that is an ID token (its audience is the client id too), which motcua keeps in the session and sends in the
   * sign-out address, so it must not open the API.
   */
  static OAuth2TokenValidator<Jwt> validator(OidcProviders.Provider p) {
    String audience = p.audienceOrClientId();
    return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(p.clockSkew()),
        new JwtClaimValidator<java.time.Instant>("exp", java.util.Objects::nonNull),
        new JwtIssuerValidator(p.issuerUri()),
        new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)),
        new JwtClaimValidator<Object>("nonce", java.util.Objects::isNull));
  }

  private OidcProviders.Provider provider(String id) {
    OidcProviders.Provider p = config.providers().get(id);
    if (p == null) {
      throw new OidcSignInRefused(GENERIC_FAILURE, "unknown provider " + id);
    }
    return p;
  }

  /** Client registrations from each issuer's discovery document, read at first use and then kept. */
  private static final class LazyRegistrations implements ClientRegistrationRepository {

    private final OidcProviders config;
    private final Map<String, ClientRegistration> known = new ConcurrentHashMap<>();

    LazyRegistrations(OidcProviders config) {
      this.config = config;
    }

    @Override
    public ClientRegistration findByRegistrationId(String id) {
      OidcProviders.Provider p = config.providers().get(id);
      if (p == null) {
        return null;
      }
      return known.computeIfAbsent(id, key -> ClientRegistrations.fromIssuerLocation(p.issuerUri())
          .registrationId(key)
          .clientName(p.label(key))
          .clientId(p.clientId())
          .clientSecret(p.clientSecret())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
          .scope(p.scopes())
          .userNameAttributeName("sub")
          .build());
    }
  }

  /** The provider's access and refresh tokens are not needed after sign-in: none is kept in the session. */
  private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
        Authentication principal, HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
        HttpServletRequest request, HttpServletResponse response) {
    }

    @Override
    public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
        HttpServletRequest request, HttpServletResponse response) {
    }
  }

}
