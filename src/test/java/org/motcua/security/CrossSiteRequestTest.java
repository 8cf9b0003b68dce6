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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 3 of the security review: CSRF was off for {@code /api/**} while {@code /api} accepted the pages' session
 * cookie, so a page on another site could make a signed-in citizen's browser submit dossiers or upload files. Now a
 * state-changing API call that comes from a browser needs the session's CSRF token; programs with HTTP Basic need none.
 */
@MotcuaTest
class CrossSiteRequestTest {

  private static final String DOSSIER = """
      {"procedureCode":"2.000488.000.00.12.H13","applicant":{"name":"Nguyễn Văn An","idNumber":"093085000123",
       "phone":"0912345678","address":"Phường Vị Thanh"}}""";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  /** A browser: keeps the session cookie like any browser does. */
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aCrossSitePostRidingOnTheSessionCookieStoresNothing() throws Exception {
    signIn("citizen");
    long dossiers = count("dossier");
    long documents = count("document");

    HttpResponse<String> forged = browser.send(json("/api/dossiers", DOSSIER)
        .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(forged.body()).contains("CSRF_TOKEN_REQUIRED");

    // The same without the tell-tale headers (an old browser): the cookie alone still demands the token.
    HttpResponse<String> cookieOnly = browser.send(json("/api/dossiers", DOSSIER).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(cookieOnly.statusCode()).as(cookieOnly.body()).isEqualTo(403);

    // A browser that remembers Basic credentials attaches them to a cross-site request too, with its Origin.
    HttpResponse<String> rememberedBasic = HttpClient.newHttpClient().send(json("/api/dossiers", DOSSIER)
        .header("Authorization", basic("citizen")).header("Origin", "https://evil.example").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(rememberedBasic.statusCode()).as(rememberedBasic.body()).isEqualTo(403);

    String code = existingDossierOfCitizen();
    HttpResponse<String> upload = browser.send(HttpRequest.newBuilder(uri("/api/dossiers/" + code + "/documents"))
        .header("Content-Type", "multipart/form-data; boundary=XYZ")
        .POST(HttpRequest.BodyPublishers.ofString("--XYZ\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n"
            + "TO_KHAI\r\n--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--XYZ--\r\n")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(403);

    assertThat(count("dossier")).isEqualTo(dossiers + 1); // only the one made with Basic below
    assertThat(count("document")).isEqualTo(documents);
  }

  @Test
  void thePagesOwnScriptsSendTheTokenAndProgramsWithBasicNeedNone() throws Exception {
    signIn("citizen");
    String page = browser.send(HttpRequest.newBuilder(uri("/citizen/dossiers")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String token = meta(page, "_csrf");
    String header = meta(page, "_csrf_header");
    HttpResponse<String> withToken = browser.send(json("/api/dossiers", DOSSIER).header(header, token)
        .header("Origin", "http://localhost:" + port).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

    HttpResponse<String> program = HttpClient.newHttpClient().send(json("/api/dossiers", DOSSIER)
        .header("Authorization", basic("citizen")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(program.statusCode()).as(program.body()).isEqualTo(201);
  }

  private String existingDossierOfCitizen() throws IOException, InterruptedException {
    HttpResponse<String> made = HttpClient.newHttpClient().send(json("/api/dossiers", DOSSIER)
        .header("Authorization", basic("citizen")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(made.body());
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  private void signIn(String user) throws IOException, InterruptedException {
    String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
        .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
    assertThat(csrf.find()).as("login form token").isTrue();
    String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
  }

  private static String meta(String page, String name) {
    Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("meta " + name).isTrue();
    return m.group(1);
  }

  private HttpRequest.Builder json(String path, String body) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private static String basic(String user) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
