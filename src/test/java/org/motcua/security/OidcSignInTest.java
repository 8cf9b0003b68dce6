package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19: sign-in with OpenID Connect against a real provider started in-process (mock-oauth2-server: a real
 * authorization server on localhost issuing signed tokens over HTTP; nothing of motcua's is mocked). A citizen
 * provider modelled on VNeID (identity-number claim {@code so_dinh_danh}, assurance level 2 for online submission)
 * and an officer provider with agency and role as groups.
 */
@MotcuaTest
class OidcSignInTest {

  static final String CITIZEN_ID = "093085000123"; // the demo account `citizen`
  static final String CITIZEN2_ID = "093190000456"; // `citizen2`
  static final String STP = "000.00.12.H13";
  static final String SXD = "000.00.15.H13";
  static final String DOSSIER = """
      {"procedureCode":"2.000488.000.00.12.H13","applicant":{"name":"Nguyễn Văn An","idNumber":"093085000123",
       "phone":"0912345678","address":"Phường Vị Thanh"}}""";

  static final MockOAuth2Server provider = new MockOAuth2Server();

  static {
    provider.start();
  }

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry registry) {
    String vneid = "motcua.security.oidc.providers.vneid.";
    registry.add(vneid + "kind", () -> "CITIZEN");
    registry.add(vneid + "display-name", () -> "VNeID");
    registry.add(vneid + "issuer-uri", () -> provider.issuerUrl("vneid").toString());
    registry.add(vneid + "client-id", () -> "motcua-dvc");
    registry.add(vneid + "client-secret", () -> "vneid-client-secret-for-tests");
    registry.add(vneid + "vneid", () -> "true");
    registry.add(vneid + "identity-number-verified", () -> "true");
    registry.add(vneid + "minimum-assurance-level", () -> "2");
    registry.add(vneid + "claims.id-number", () -> "so_dinh_danh");
    registry.add(vneid + "claims.assurance-level", () -> "loa");
    String sso = "motcua.security.oidc.providers.sso.";
    registry.add(sso + "kind", () -> "OFFICER");
    registry.add(sso + "display-name", () -> "SSO tỉnh");
    registry.add(sso + "issuer-uri", () -> provider.issuerUrl("sso").toString());
    registry.add(sso + "client-id", () -> "motcua");
    registry.add(sso + "client-secret", () -> "sso-client-secret-for-tests");
    registry.add(sso + "claims.groups", () -> "groups");
    registry.add(sso + "claims.group-prefix", () -> "motcua:");
    registry.add(sso + "allow-admin", () -> "true");
    // An agency's own single sign-on: officers only, never ADMIN (allow-admin left at its default).
    String agency = "motcua.security.oidc.providers.agency.";
    registry.add(agency + "kind", () -> "OFFICER");
    registry.add(agency + "issuer-uri", () -> provider.issuerUrl("agency").toString());
    registry.add(agency + "client-id", () -> "motcua");
    registry.add(agency + "client-secret", () -> "agency-client-secret-for-tests");
    registry.add(agency + "claims.groups", () -> "groups");
    registry.add(agency + "claims.group-prefix", () -> "motcua:");
    // A citizen provider that does not verify identity numbers (identity-number-verified left at its default).
    String partner = "motcua.security.oidc.providers.partner.";
    registry.add(partner + "kind", () -> "CITIZEN");
    registry.add(partner + "issuer-uri", () -> provider.issuerUrl("partner").toString());
    registry.add(partner + "client-id", () -> "motcua");
    registry.add(partner + "client-secret", () -> "partner-client-secret-for-tests");
    registry.add(partner + "claims.id-number", () -> "so_dinh_danh");
    registry.add(partner + "claims.assurance-level", () -> "loa");
    registry.add("motcua.forms.public-url", () -> PUBLIC_URL);
  }

  static final String PUBLIC_URL = "https://motcua.example.gov.vn";

  @AfterAll
  static void stop() {
    provider.shutdown();
  }

  @LocalServerPort
  int port;
  @Autowired
  org.motcua.process.EngineWebApps apps;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  org.motcua.support.Api basic;
  @Autowired
  OidcProviders oidcConfig;
  @Autowired
  OidcAccounts oidcAccounts;

  // ---- pages

  @Test
  void aCitizenSignsInThroughVneidWithPkceAndIsLinkedToTheirLocalAccountNotDuplicated() {
    long accounts = count("select count(*) from app_user");
    Browser browser = new Browser();
    String authorize = browser.location(browser.get("/oauth2/authorization/vneid"));
    assertThat(authorize).startsWith(provider.authorizationEndpointUrl("vneid").toString())
        .contains("code_challenge=", "code_challenge_method=S256", "nonce=", "client_id=motcua-dvc");

    HttpResponse<String> home = browser.signInAt(authorize, "vneid", "vneid-" + CITIZEN_ID,
        citizenClaims(CITIZEN_ID, "2"));
    assertThat(browser.location(home)).endsWith("/citizen/dossiers");
    HttpResponse<String> page = browser.get("/citizen/dossiers");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Nguyễn Văn An");

    assertThat(count("select count(*) from app_user")).isEqualTo(accounts);
    assertThat(jdbc.queryForObject("select username from account_identity where provider = 'vneid' and subject = ?",
        String.class, "vneid-" + CITIZEN_ID)).isEqualTo("citizen");
    // The password account keeps working beside it.
    new org.motcua.support.PageSession(port).signIn("citizen");
  }

  @Test
  void anOfficerSignsInThroughTheProvinceSsoAndLosesAccessWhenMovedOrRemoved() {
    String subject = "officer-7f3a";
    Browser browser = new Browser();
    HttpResponse<String> home = browser.signIn("sso", subject, officerClaims("Lê Văn Tâm", "CLERK@" + STP));
    assertThat(browser.location(home)).endsWith("/officer/inbox");
    assertThat(browser.get("/officer/inbox").statusCode()).isEqualTo(200);
    String username = jdbc.queryForObject("select username from account_identity where provider = 'sso'"
        + " and subject = ?", String.class, subject);
    assertThat(jdbc.queryForObject("select agency_code from app_user where username = ?", String.class, username))
        .isEqualTo(STP);
    String stpDossier = submittedDossier();
    assertThat(browser.get("/officer/dossiers/" + stpDossier).statusCode()).isEqualTo(200);

    // Moved to Sở Xây dựng: from the next sign-in on, Sở Tư pháp's dossier is one they may not see.
    Browser moved = new Browser();
    moved.signIn("sso", subject, officerClaims("Lê Văn Tâm", "CLERK@" + SXD));
    assertThat(jdbc.queryForObject("select agency_code from app_user where username = ?", String.class, username))
        .isEqualTo(SXD);
    assertThat(moved.get("/officer/dossiers/" + stpDossier).statusCode()).isEqualTo(404);

    // Removed from the one-stop shop: refused with the explanation, and the account is disabled.
    Browser removed = new Browser();
    HttpResponse<String> refused = removed.signIn("sso", subject, officerClaims("Lê Văn Tâm", "other-app:user"));
    assertThat(removed.location(refused)).endsWith("/login?oidcError=OFFICER_NOT_AUTHORISED");
    assertThat(removed.get("/login?oidcError=OFFICER_NOT_AUTHORISED").body())
        .contains("chưa được phân công vai trò và cơ quan");
    assertThat(removed.get("/officer/inbox").statusCode()).isEqualTo(302);
    assertThat(jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username))
        .isFalse();
  }

  @Test
  void anAdministratorFromTheProvinceSsoOpensCockpitWithoutASecondLogin() {
    Browser admin = new Browser();
    assertThat(admin.location(admin.signIn("sso", "ops-admin-1", officerClaims("Quản trị tỉnh", "ADMIN"))))
        .endsWith("/admin");
    assertThat(admin.get(apps.path() + "/app/cockpit/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> who = send(HttpRequest.newBuilder(uri(apps.path() + "/api/admin/auth/user/default"))
        .header("Accept", "application/json").GET(), admin.http);
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    assertThat(who.body()).contains("\"userId\":\"sso:ops-admin-1\"");
    assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
  }

  @Test
  void anOfficerProviderCannotMakeACitizenAndTwoAgenciesAreAmbiguous() {
    Browser citizenGroup = new Browser();
    assertThat(citizenGroup.location(citizenGroup.signIn("sso", "officer-citizen",
        officerClaims("X", "CITIZEN@" + STP)))).endsWith("/login?oidcError=OFFICER_NOT_AUTHORISED");
    Browser two = new Browser();
    assertThat(two.location(two.signIn("sso", "officer-two", officerClaims("Y", "CLERK@" + STP, "LEADER@" + SXD))))
        .endsWith("/login?oidcError=OFFICER_NOT_AUTHORISED");
  }

  /**
   * Security review finding 1: an SSO group "admin" (any case, any prefix) made an ADMIN of motcua. Now ADMIN comes
   * only from a provider with allow-admin, and role names match exactly.
   */
  @Test
  void adminComesOnlyFromAProviderAllowedToGiveItAndRoleNamesMatchExactly() {
    Browser agencyAdmin = new Browser();
    assertThat(agencyAdmin.location(agencyAdmin.signIn("agency", "agency-admin", officerClaims("A", "ADMIN"))))
        .endsWith("/login?oidcError=OFFICER_NOT_AUTHORISED");
    assertRefused(api("GET", "/api/tasks", token("agency", "agency-admin-api", "motcua", officerClaims("A", "ADMIN"),
        600), null), "OFFICER_NOT_AUTHORISED");
    // The same provider still gives officer roles.
    Browser agencyClerk = new Browser();
    assertThat(agencyClerk.location(agencyClerk.signIn("agency", "agency-clerk", officerClaims("C", "CLERK@" + STP))))
        .endsWith("/officer/inbox");
    // Case matters, even on the provider allowed to give ADMIN.
    Browser lower = new Browser();
    assertThat(lower.location(lower.signIn("sso", "sso-lower-admin", officerClaims("B", "admin"))))
        .endsWith("/login?oidcError=OFFICER_NOT_AUTHORISED");
    Browser lowerClerk = new Browser();
    assertThat(lowerClerk.location(lowerClerk.signIn("sso", "sso-lower-clerk", officerClaims("B", "clerk@" + STP))))
        .endsWith("/login?oidcError=OFFICER_NOT_AUTHORISED");
    // allow-admin: the exact group gives ADMIN.
    Browser allowed = new Browser();
    assertThat(allowed.location(allowed.signIn("sso", "sso-real-admin", officerClaims("D", "ADMIN"))))
        .endsWith("/admin");
    assertThat(jdbc.queryForList("select role from app_user where username in ('agency:agency-admin',"
        + " 'agency:agency-admin-api', 'sso:sso-lower-admin')", String.class)).doesNotContain("ADMIN");
  }

  /**
   * Security review finding 2: any citizen provider's identity-number claim linked to the local account (and e-data
   * warehouse) of that number. Now only an identity-number-verified provider at its minimum level links or binds one.
   */
  @Test
  void onlyAVerifyingProviderAtItsMinimumLevelLinksAnIdentityNumber() {
    long accounts = count("select count(*) from app_user");
    String unverified = token("partner", "partner-" + CITIZEN_ID, "motcua", citizenClaims(CITIZEN_ID, "2"), 600);
    assertRefused(api("GET", "/api/dossiers", unverified, null), "IDENTITY_NOT_VERIFIED");
    HttpResponse<String> refused = api("GET", "/api/dossiers", token("partner", "partner-new", "motcua",
        citizenClaims("093085000555", "2"), 600), null);
    assertRefused(refused, "IDENTITY_NOT_VERIFIED");
    assertThat(refused.body()).contains("không xác thực số định danh cá nhân");
    Browser page = new Browser();
    assertThat(page.location(page.signIn("partner", "partner-page", citizenClaims(CITIZEN_ID, "2"))))
        .endsWith("/login?oidcError=IDENTITY_NOT_VERIFIED");
    assertThat(page.get("/login?oidcError=IDENTITY_NOT_VERIFIED").body()).contains("không xác thực số định danh cá nhân");
    // The verifying provider below its minimum level: no first link either.
    assertRefused(api("GET", "/api/dossiers", token("vneid", "vneid-low-link", "motcua-dvc",
        citizenClaims("093085000777", "1"), 600), null), "IDENTITY_ASSURANCE_TOO_LOW");
    assertThat(count("select count(*) from app_user")).isEqualTo(accounts);
    assertThat(count("select count(*) from account_identity where provider = 'partner'"
        + " or subject = 'vneid-low-link'")).isZero();
  }

  /** Security review finding 6: a bearer token never writes to the account (a pre-removal token re-enabled it). */
  @Test
  void aBearerTokenNeitherMovesNorReEnablesAnOfficer() {
    String subject = "officer-removed-api";
    String beforeRemoval = token("sso", subject, "motcua", officerClaims("Phan Thị Hoa", "CLERK@" + STP), 600);
    new Browser().signIn("sso", subject, officerClaims("Phan Thị Hoa", "CLERK@" + STP));
    String username = jdbc.queryForObject("select username from account_identity where provider = 'sso'"
        + " and subject = ?", String.class, subject);
    String sxd = token("sso", subject, "motcua", officerClaims("Phan Thị Hoa", "CLERK@" + SXD), 600);
    assertThat(api("GET", "/api/tasks", sxd, null).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select agency_code from app_user where username = ?", String.class, username))
        .isEqualTo(STP);
    Browser removed = new Browser();
    assertThat(removed.location(removed.signIn("sso", subject, officerClaims("Phan Thị Hoa", "other-app:user"))))
        .endsWith("/login?oidcError=OFFICER_NOT_AUTHORISED");
    assertRefused(api("GET", "/api/tasks", beforeRemoval, null), "ACCOUNT_DISABLED");
    assertThat(jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username))
        .isFalse();
  }

  /** Security review finding 4: a token without exp was accepted. */
  @Test
  void aTokenWithoutExpiryIsRefused() {
    OidcProviders.Provider vneid = oidcConfig.providers().get("vneid");
    java.time.Instant now = java.time.Instant.now();
    org.springframework.security.oauth2.jwt.Jwt.Builder base = org.springframework.security.oauth2.jwt.Jwt
        .withTokenValue("t").header("alg", "RS256").claim("iss", vneid.issuerUri()).audience(List.of("motcua-dvc"))
        .subject("s").issuedAt(now.minusSeconds(5));
    assertThat(OidcSignIn.validator(vneid).validate(base.build()).hasErrors()).isTrue();
    assertThat(OidcSignIn.validator(vneid).validate(base.expiresAt(now.plusSeconds(60)).build()).hasErrors())
        .isFalse();
  }

  /**
   * Security review finding 5: sign-out skipped the provider's sign-out on a node that had not yet served that
   * provider since it started, and took the return address from the Host header.
   */
  @Test
  void signingOutOnAnotherNodeStillEndsTheProviderSessionAndReturnsToThePublicAddress() throws Exception {
    OidcSignIn freshNode = new OidcSignIn(oidcConfig, oidcAccounts, PUBLIC_URL);
    org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web
        .MockHttpServletRequest("POST", "/logout");
    request.setServerName("attacker.example");
    org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web
        .MockHttpServletResponse();
    MotcuaUser user = new MotcuaUser("citizen2", "Công dân", Role.CITIZEN, null, CITIZEN2_ID, true);
    freshNode.signOut().onLogoutSuccess(request, response, new MotcuaAuthentication(user,
        new SignInMethod("vneid", 2, true, 2), "the.id.token"));
    assertThat(response.getRedirectedUrl()).startsWith(provider.endSessionEndpointUrl("vneid").toString())
        .contains("id_token_hint=the.id.token", "client_id=motcua-dvc", "post_logout_redirect_uri="
            + URLEncoder.encode(PUBLIC_URL + "/login?logout", StandardCharsets.UTF_8))
        .doesNotContain("attacker.example");
  }

  @Test
  void signingOutEndsTheSessionAndTheProviderSession() {
    Browser browser = new Browser();
    browser.signIn("vneid", "vneid-" + CITIZEN2_ID, citizenClaims(CITIZEN2_ID, "2"));
    assertThat(browser.get("/citizen/dossiers").statusCode()).isEqualTo(200);
    // The session ends after 30 idle minutes (config/motcua.yml), stored with the session row.
    assertThat(jdbc.queryForObject("select min(max_inactive_interval) from spring_session", Integer.class))
        .isEqualTo(1800);
    HttpResponse<String> out = browser.post("/logout", Map.of());
    String endSession = browser.location(out);
    assertThat(endSession).startsWith(provider.endSessionEndpointUrl("vneid").toString())
        .contains("id_token_hint=", "client_id=motcua-dvc",
            "post_logout_redirect_uri=" + URLEncoder.encode(PUBLIC_URL + "/login?logout",
                StandardCharsets.UTF_8));
    assertThat(browser.get("/citizen/dossiers").statusCode()).isEqualTo(302);
    // Security review finding 3: the ID token (it carries the sign-in's nonce) is no API bearer token.
    Matcher hint = Pattern.compile("id_token_hint=([^&]+)").matcher(endSession);
    assertThat(hint.find()).isTrue();
    String idToken = java.net.URLDecoder.decode(hint.group(1), StandardCharsets.UTF_8);
    assertRefused(api("GET", "/api/dossiers", idToken, null), "INVALID_TOKEN");
  }

  @Test
  void theSignInPageOffersTheProviders() {
    String page = new Browser().get("/login").body();
    assertThat(page).contains("/oauth2/authorization/vneid", "VNeID", "/oauth2/authorization/sso", "SSO tỉnh",
        "id=\"username\"");
  }

  @Test
  void inABrowserTheCitizenSignsInThroughTheProviderAndTheDossierShowsTheVneidFlag() {
    String code = field(api("POST", "/api/dossiers", token("vneid", "vneid-" + CITIZEN_ID, "motcua-dvc",
        citizenClaims(CITIZEN_ID, "2"), 600), DOSSIER).body(), "code");
    try (org.motcua.web.Browser browser = org.motcua.web.Browser.desktop(port)) {
      browser.go("/login");
      provider.enqueueCallback(new DefaultOAuth2TokenCallback("vneid", "vneid-" + CITIZEN_ID, "JWT",
          List.of("motcua-dvc"), citizenClaims(CITIZEN_ID, "2"), 600));
      // The button leads to the provider, which signs the citizen in and sends the browser back.
      browser.find(org.openqa.selenium.By.id("login-vneid")).click();
      browser.waiting().until(d -> "/citizen/dossiers".equals(browser.path()));
      browser.go("/citizen/dossiers/" + code);
      assertThat(browser.text(org.openqa.selenium.By.id("dossier-vneid"))).isEqualTo("Đã xác thực với VNeID");
      browser.screenshot("oidc-vneid-dossier");
    }
  }

  // ---- API with bearer tokens

  @Test
  void aVneidTokenAtLevelTwoSubmitsAndTheDossierBelongsToTheAccount() {
    String token = token("vneid", "vneid-" + CITIZEN_ID, "motcua-dvc", citizenClaims(CITIZEN_ID, "2"), 600);
    HttpResponse<String> created = api("POST", "/api/dossiers", token, DOSSIER);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String code = field(created.body(), "code");
    assertThat(jdbc.queryForObject("select owner_username from dossier where code = ?", String.class, code))
        .isEqualTo("citizen");
    assertThat(api("GET", "/api/dossiers/" + code, token, null).statusCode()).isEqualTo(200);
  }

  @Test
  void theDossierRecordsHowItsSubmitterSignedInAndTheSummaryCountsTheVneidShare() {
    String viaVneid = field(api("POST", "/api/dossiers", token("vneid", "vneid-" + CITIZEN_ID, "motcua-dvc",
        citizenClaims(CITIZEN_ID, "2"), 600), DOSSIER).body(), "code");
    String viaPassword = submittedDossier();
    assertThat(signIn(viaVneid)).containsExactly("vneid", 2, true);
    assertThat(signIn(viaPassword)).containsExactly("local", null, false);

    // Both received by the clerk: the share counts received online dossiers, like the online rate.
    org.motcua.support.Dossiers flow = new org.motcua.support.Dossiers(basic);
    String day = null;
    long[] before = null;
    for (String code : List.of(viaVneid, viaPassword)) {
      flow.uploadComponents("citizen", code, "2.000488.000.00.12.H13");
      String receivedAt = flow.decide("clerk.stp", code, "accept", null).path("receivedAt").asText();
      if (day == null) {
        day = receivedAt.substring(0, 10);
      }
    }
    var summary = basic.get("admin", "/api/reports/summary?from=" + day + "&to=" + day).body();
    long online = summary.path("receivedOnline").asLong();
    long verified = jdbc.queryForObject("select count(*) from dossier where channel = 2 and vneid_verified"
        + " and received_at >= ? and received_at < ?", Long.class, java.sql.Date.valueOf(day),
        java.sql.Date.valueOf(java.time.LocalDate.parse(day).plusDays(1)));
    assertThat(verified).isPositive().isLessThan(online);
    assertThat(summary.path("vneidVerifiedRate").asDouble()).isEqualTo((double) verified / online);
  }

  @Test
  void belowTheMinimumAssuranceLevelOnlineSubmissionIsRefusedInVietnamese() {
    long dossiers = count("select count(*) from dossier");
    // Linked at the minimum level (a first link needs it), later signed in below it.
    assertThat(api("GET", "/api/dossiers", token("vneid", "vneid-low-1", "motcua-dvc",
        citizenClaims("093085000999", "2"), 600), null).statusCode()).isEqualTo(200);
    String token = token("vneid", "vneid-low-1", "motcua-dvc", citizenClaims("093085000999", "1"), 600);
    assertThat(api("GET", "/api/dossiers", token, null).statusCode()).isEqualTo(200); // may still look
    HttpResponse<String> refused = api("POST", "/api/dossiers", token, DOSSIER);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"code\":\"ASSURANCE_TOO_LOW\"", "mức 1", "mức 2 trở lên");
    // No level stated at all: the same.
    assertThat(api("GET", "/api/dossiers", token("vneid", "vneid-low-2", "motcua-dvc",
        citizenClaims("093085000998", "2"), 600), null).statusCode()).isEqualTo(200);
    Map<String, Object> noLevel = new java.util.HashMap<>(citizenClaims("093085000998", "1"));
    noLevel.remove("loa");
    assertThat(api("POST", "/api/dossiers", token("vneid", "vneid-low-2", "motcua-dvc", noLevel, 600), DOSSIER)
        .body()).contains("ASSURANCE_TOO_LOW");
    assertThat(count("select count(*) from dossier")).isEqualTo(dossiers);
  }

  @Test
  void forgedOrStaleTokensAreRefused() {
    Map<String, Object> claims = citizenClaims(CITIZEN_ID, "2");
    String subject = "vneid-" + CITIZEN_ID;
    // Expired (beyond the clock skew).
    assertRefused(api("GET", "/api/dossiers", token("vneid", subject, "motcua-dvc", claims, -300), null),
        "INVALID_TOKEN");
    // An issuer motcua does not trust (same server, other issuer; its own valid signature).
    assertRefused(api("GET", "/api/dossiers", token("evil", subject, "motcua-dvc", claims, 600), null),
        "INVALID_TOKEN");
    // Another client's token (wrong audience).
    assertRefused(api("GET", "/api/dossiers", token("vneid", subject, "another-service", claims, 600), null),
        "INVALID_TOKEN");
    // Not a token at all.
    assertRefused(api("GET", "/api/dossiers", "not.a.jwt", null), "INVALID_TOKEN");
    // No identity number claim.
    assertRefused(api("GET", "/api/dossiers", token("vneid", "vneid-anon", "motcua-dvc", Map.of("loa", "2"), 600),
        null), "IDENTITY_CLAIM_MISSING");
  }

  @Test
  void aTokenClaimingAnotherCitizensNumberReadsNothingOfTheirs() {
    String own = token("vneid", "vneid-" + CITIZEN_ID, "motcua-dvc", citizenClaims(CITIZEN_ID, "2"), 600);
    HttpResponse<String> created = api("POST", "/api/dossiers", own, DOSSIER);
    String code = field(created.body(), "code");
    // Another subject of the same provider claiming the number of an account already linked: refused.
    String impostor = token("vneid", "vneid-someone-else", "motcua-dvc", citizenClaims(CITIZEN_ID, "2"), 600);
    assertRefused(api("GET", "/api/dossiers/" + code, impostor, null), "IDENTITY_CONFLICT");
    // The officer provider vouches for officers only: its token naming the number gives no citizen account.
    String officerToken = token("sso", "sso-user-x", "motcua", Map.of("so_dinh_danh", CITIZEN_ID,
        "groups", List.of()), 600);
    assertRefused(api("GET", "/api/dossiers/" + code, officerToken, null), "OFFICER_NOT_AUTHORISED");
    // Another citizen's own valid token: the dossier is one they may not see.
    String other = token("vneid", "vneid-" + CITIZEN2_ID, "motcua-dvc", citizenClaims(CITIZEN2_ID, "2"), 600);
    HttpResponse<String> stranger = api("GET", "/api/dossiers/" + code, other, null);
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(stranger.body()).contains("UNKNOWN_DOSSIER");
  }

  @Test
  void anOfficerTokenMappedToAnotherAgencyLosesTheDossier() {
    String code = submittedDossier();
    String stp = token("sso", "officer-api-1", "motcua", officerClaims("Đỗ Văn Phúc", "CLERK@" + STP), 600);
    assertThat(api("GET", "/api/dossiers/" + code, stp, null).statusCode()).isEqualTo(200);
    assertThat(api("GET", "/api/tasks", stp, null).statusCode()).isEqualTo(200);
    String sxd = token("sso", "officer-api-1", "motcua", officerClaims("Đỗ Văn Phúc", "CLERK@" + SXD), 600);
    assertThat(api("GET", "/api/dossiers/" + code, sxd, null).statusCode()).isEqualTo(404);
    // The earlier token still names Sở Tư pháp, but the account now works in Sở Xây dựng only after a new token:
    // each token's claims decide, so the old one keeps its agency until it expires (minutes).
    assertThat(api("POST", "/api/counter/dossiers", sxd, "{}").statusCode()).isNotIn(401, 403);
  }

  // ---- helpers

  /** The dossier's record of how its submitter signed in: provider, assurance level, VNeID-verified. */
  private List<Object> signIn(String code) {
    return jdbc.queryForObject("select sign_in_provider, sign_in_assurance, vneid_verified from dossier"
        + " where code = ?", (rs, i) -> java.util.Arrays.asList(rs.getString(1), (Object) rs.getObject(2) == null
            ? null : rs.getInt(2), rs.getBoolean(3)), code);
  }

  private void assertRefused(HttpResponse<String> response, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        value -> assertThat(value).startsWith("Bearer"));
  }

  private static Map<String, Object> citizenClaims(String idNumber, String level) {
    return Map.of("so_dinh_danh", idNumber, "loa", level,
        "name", CITIZEN_ID.equals(idNumber) ? "Nguyễn Văn An" : "Công dân " + idNumber,
        "phone_number", "0912000111");
  }

  private static Map<String, Object> officerClaims(String name, String... groups) {
    return Map.of("name", name, "groups", java.util.Arrays.stream(groups).map(g -> g.contains(":") ? g
        : "motcua:" + g).toList());
  }

  private static String token(String issuer, String subject, String audience, Map<String, Object> claims,
      long expirySeconds) {
    return provider.issueToken(issuer, subject, new DefaultOAuth2TokenCallback(issuer, subject, "JWT",
        List.of(audience), claims, expirySeconds)).serialize();
  }

  /** A dossier of Sở Tư pháp submitted online by `citizen` (HTTP Basic). */
  private String submittedDossier() {
    HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/dossiers"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            "citizen:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DOSSIER)),
        HttpClient.newHttpClient());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return field(created.body(), "code");
  }

  private HttpResponse<String> api(String method, String path, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
        .header("Accept-Language", "vi");
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return send(request, HttpClient.newHttpClient());
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  private long count(String sql) {
    Long n = jdbc.queryForObject(sql, Long.class);
    return n == null ? 0 : n;
  }

  private URI uri(String path) {
    return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, HttpClient client) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A browser without a browser: cookies kept, redirects followed by hand, through motcua and the provider (the
   * provider signs in whoever the next queued token callback names, as a non-interactive login page would).
   */
  private final class Browser {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String address) {
      return send(HttpRequest.newBuilder(uri(address)).header("Accept", "text/html").header("Accept-Language", "vi")
          .GET(), http);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
      Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(get("/track").body());
      assertThat(m.find()).isTrue();
      StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
      fields.forEach((k, v) -> body.append('&').append(k).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())), http);
    }

    String location(HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.body()).isBetween(301, 303);
      return response.headers().firstValue("Location").orElseThrow();
    }

    /** The whole round: motcua → provider's authorization endpoint → motcua's redirect endpoint. */
    HttpResponse<String> signIn(String issuer, String subject, Map<String, Object> claims) {
      return signInAt(location(get("/oauth2/authorization/" + issuer)), issuer, subject, claims);
    }

    HttpResponse<String> signInAt(String authorize, String issuer, String subject, Map<String, Object> claims) {
      String audience = "vneid".equals(issuer) ? "motcua-dvc" : "motcua";
      provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuer, subject, "JWT", List.of(audience), claims,
          600));
      String back = location(get(authorize));
      assertThat(back).startsWith("http://localhost:" + port + "/login/oauth2/code/" + issuer);
      return get(back);
    }
  }
}
