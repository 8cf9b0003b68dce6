package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motcua.process.EngineWebApps;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What every caller meets before any feature: the pages' Content-Security-Policy and the other security headers
 * (none of ours on the Camunda web apps, which set their own), the API description for ADMIN only, and malformed
 * addresses answered 400 without a stack trace in the log.
 */
@MotcuaTest
@ExtendWith(OutputCaptureExtension.class)
class SurfaceTest {

  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_HANDLER_OR_STYLE = Pattern.compile("\\s(on[a-z]+|style)\\s*=",
      Pattern.CASE_INSENSITIVE);

  @LocalServerPort
  int port;
  @Autowired
  Api api;
  @Autowired
  EngineWebApps engineWebApps;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void pagesCarryAContentSecurityPolicyTheyKeep() throws Exception {
    String code = new Dossiers(api).submit("citizen", CRIMINAL_RECORD);
    HttpResponse<String> login = get("/login", null);
    String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy.split(";\\s*")).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
        "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'", "form-action 'self'");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    HttpResponse<String> apiCall = get("/api/procedures/" + CRIMINAL_RECORD, null);
    assertThat(apiCall.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // A refusal page carries the headers too.
    assertThat(get("/officer/inbox", "citizen").headers().firstValue("Content-Security-Policy")).hasValue(policy);

    // The pages hold nothing that policy would block: no inline script, event handler or style attribute.
    List<String[]> pages = List.of(new String[] {"/login", null}, new String[] {"/procedures", null},
        new String[] {"/procedures/" + CRIMINAL_RECORD, null}, new String[] {"/track", null},
        new String[] {"/citizen/dossiers", "citizen"}, new String[] {"/citizen/dossiers/" + code, "citizen"},
        new String[] {"/citizen/submit/" + CRIMINAL_RECORD, "citizen"}, new String[] {"/officer/inbox", "clerk.stp"},
        new String[] {"/officer/dossiers/" + code, "clerk.stp"},
        new String[] {"/officer/intake/" + CRIMINAL_RECORD, "clerk.stp"},
        new String[] {"/supervisor/dashboard", "supervisor.stp"}, new String[] {"/admin", "admin"});
    for (String[] page : pages) {
      HttpResponse<String> shown = get(page[0], page[1]);
      assertThat(shown.statusCode()).as(page[0]).isEqualTo(200);
      assertThat(shown.headers().firstValue("Content-Security-Policy")).as(page[0]).hasValue(policy);
      assertThat(INLINE_SCRIPT.matcher(shown.body()).find()).as("inline script on %s", page[0]).isFalse();
      assertThat(INLINE_HANDLER_OR_STYLE.matcher(shown.body()).results().map(m -> m.group()).toList())
          .as("inline handler or style on %s", page[0]).isEmpty();
    }
  }

  @Test
  void theEngineWebAppsKeepTheirOwnPolicy() throws Exception {
    HttpResponse<String> cockpit = get(engineWebApps.path() + "/app/welcome/default/", "admin");
    assertThat(cockpit.statusCode()).isEqualTo(200);
    List<String> policies = cockpit.headers().allValues("Content-Security-Policy");
    assertThat(policies).hasSize(1);
    assertThat(policies.get(0)).as(engineWebApps.product() + "'s own").contains("'unsafe-eval'");
    assertThat(get(engineWebApps.path() + "/app/welcome/default/", "citizen").statusCode()).isEqualTo(403);
  }

  @Test
  void theApiDescriptionIsForAdminsOnly() throws Exception {
    for (String path : List.of("/v3/api-docs", "/swagger-ui/index.html", "/swagger-ui.html")) {
      HttpResponse<String> anonymous = get(path, null);
      assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
      assertThat(get(path, "citizen").statusCode()).as(path).isEqualTo(403);
      assertThat(get(path, "supervisor.tinh").statusCode()).as(path).isEqualTo(403);
    }
    HttpResponse<String> docs = get("/v3/api-docs", "admin", "application/json");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("\"openapi\"", "/api/dossiers");
    assertThat(get("/swagger-ui/index.html", "admin").statusCode()).isEqualTo(200);

    // motcua.security.public-api-docs=true (the demo profile) opens them to anyone; false keeps them for ADMIN.
    RequestAuthorizationContext docsRequest = new RequestAuthorizationContext(new MockHttpServletRequest("GET",
        "/v3/api-docs"));
    AnonymousAuthenticationToken nobody = new AnonymousAuthenticationToken("key", "anonymousUser",
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    TestingAuthenticationToken admin = new TestingAuthenticationToken("admin", null, "ROLE_ADMIN");
    assertThat(SecurityConfig.apiDocs(true).authorize(() -> nobody, docsRequest).isGranted()).isTrue();
    assertThat(SecurityConfig.apiDocs(false).authorize(() -> nobody, docsRequest).isGranted()).isFalse();
    assertThat(SecurityConfig.apiDocs(false).authorize(() -> admin, docsRequest).isGranted()).isTrue();
  }

  @Test
  void malformedAddressesAnswer400WithoutAStackTrace(CapturedOutput output) throws IOException {
    int before = output.getAll().length();
    for (String path : List.of("//engine-rest/engine", "/api/procedures;jsessionid=1", "/api/x/../procedures",
        "//api/dossiers", "/actuator/./health")) {
      Raw answer = raw("GET " + path + " HTTP/1.1");
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.header("content-type")).as(path).startsWith("application/problem+json");
      assertThat(answer.body()).as(path).contains("\"code\":\"MALFORMED_ADDRESS\"");
    }
    for (String path : List.of("/procedures;jsessionid=1", "/css/../login", "//citizen/dossiers")) {
      Raw answer = raw("GET " + path + " HTTP/1.1");
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.header("content-type")).as(path).startsWith("text/plain");
      assertThat(answer.body()).as(path).contains("không hợp lệ");
    }
    assertThat(output.getAll().substring(before)).doesNotContain("Exception", " ERROR ");
    // Well-formed addresses are untouched.
    assertThat(raw("GET /api/procedures/" + CRIMINAL_RECORD + " HTTP/1.1").status()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    return get(path, user, "text/html");
  }

  private HttpResponse<String> get(String path, String user, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept);
    if (user != null) {
      String password = user.equals("admin") ? "admin" : "demo";
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The request line exactly as given (an HTTP client library would normalize the path first). */
  private Raw raw(String requestLine) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + "\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      return new Raw(text.substring(0, end), text.substring(end + 4));
    }
  }

  private record Raw(String head, String body) {

    int status() {
      return Integer.parseInt(head.split(" ", 3)[1]);
    }

    String header(String name) {
      return head.lines().skip(1).filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
          .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
    }
  }
}
