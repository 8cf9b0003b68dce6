package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the pages add around the API, without a browser: the page language is Vietnamese whatever the browser says
 * unless the person switches, the API keeps answering in the Accept-Language of each call (a page's language cookie
 * does not leak into it), and pages send people without an account to the login page while the API answers 401.
 */
@MotcuaTest
class WebAccessTest {

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesAreVietnameseUnlessSwitchedAndTheSwitchIsRemembered() throws Exception {
    assertThat(get("/login", "Accept-Language", "en-US,en;q=0.9").body()).contains("<h1>Đăng nhập</h1>", "lang=\"vi\"");
    HttpResponse<String> english = get("/login?lang=en");
    assertThat(english.body()).contains("<h1>Sign in</h1>");
    String cookie = english.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("motcua-lang=en");
    assertThat(get("/procedures", "Cookie", "motcua-lang=en").body()).contains("Find an administrative procedure");
    // A language without texts falls back to Vietnamese instead of showing message keys.
    assertThat(get("/login?lang=fr").body()).contains("<h1>Đăng nhập</h1>");
    assertThat(get("/login", "Cookie", "motcua-lang=fr").body()).contains("<h1>Đăng nhập</h1>");
  }

  @Test
  void onlyAClerkOfTheProceduresAgencyReceivesAtTheCounter() throws Exception {
    HttpResponse<String> specialist = get("/officer/intake", "Accept", "text/html", "Authorization", basic("specialist.stp"));
    assertThat(specialist.statusCode()).isEqualTo(403);
    assertThat(specialist.body()).contains("Tài khoản của bạn không có quyền thực hiện thao tác này.");
    HttpResponse<String> otherAgency = get("/officer/intake/2.000488.000.00.12.H13", "Accept", "text/html",
        "Authorization", basic("clerk.sxd"));
    assertThat(otherAgency.statusCode()).isEqualTo(403);
    assertThat(otherAgency.body()).contains("không thuộc thẩm quyền tiếp nhận của cơ quan bạn");
    HttpResponse<String> own = get("/officer/intake/2.000488.000.00.12.H13", "Accept", "text/html",
        "Authorization", basic("clerk.stp"));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("Tiếp nhận hồ sơ tại quầy", "Cấp Phiếu lý lịch tư pháp", "name=\"file_TO_KHAI\"");
    assertThat(get("/supervisor/dossiers?from=2026-01-01&to=2026-12-31&agency=000.00.12.H13", "Accept", "text/html",
        "Authorization", basic("supervisor.sxd")).statusCode()).isEqualTo(403);
    assertThat(get("/admin", "Accept", "text/html", "Authorization", basic("supervisor.tinh")).statusCode())
        .isEqualTo(403);
  }

  private static String basic(String user) {
    String password = user.equals("admin") ? "admin" : "demo";
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }

  @Test
  void theApiStillSpeaksTheLanguageOfEachCall() throws Exception {
    assertThat(get("/api/procedures/9.999999", "Cookie", "motcua-lang=en").body())
        .contains("Không tìm thấy thủ tục hành chính");
    assertThat(get("/api/procedures/9.999999", "Accept-Language", "en").body()).doesNotContain("Không tìm thấy");
  }

  @Test
  void pagesAskToSignInTheApiAnswersUnauthorized() throws Exception {
    HttpResponse<String> page = get("/citizen/dossiers", "Accept", "text/html");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    HttpResponse<String> api = get("/api/dossiers", "Accept", "text/html");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(get("/procedures").statusCode()).isEqualTo(200);
    assertThat(get("/procedures/2.000488.000.00.12.H13").body()).contains("Cấp Phiếu lý lịch tư pháp");
    // Signed in with the wrong role: a page in Vietnamese, not a problem+json body.
    HttpResponse<String> wrongRole = get("/officer/inbox", "Accept", "text/html", "Authorization",
        "Basic " + java.util.Base64.getEncoder().encodeToString("citizen:demo".getBytes()));
    assertThat(wrongRole.statusCode()).isEqualTo(403);
    assertThat(wrongRole.body()).contains("Tài khoản của bạn không có quyền xem trang này.");
    // Switching language on a page re-shown after a refused form goes back to the dossier in the new language.
    HttpResponse<String> switched = get("/officer/dossiers/000.00.12.H13-260101-0001/tasks/42?lang=en", "Accept",
        "text/html", "Authorization",
        "Basic " + java.util.Base64.getEncoder().encodeToString("clerk.stp:demo".getBytes()));
    assertThat(switched.statusCode()).isEqualTo(302);
    assertThat(switched.headers().firstValue("Location").orElseThrow())
        .endsWith("/officer/dossiers/000.00.12.H13-260101-0001");
    // The assets come from the jar (webjars), nothing from the internet.
    assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/webjars/chart.js/dist/chart.umd.js").statusCode()).isEqualTo(200);
    assertThat(get("/css/motcua.css").statusCode()).isEqualTo(200);
    HttpResponse<String> unknown = get("/procedures/9.999999");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Không tìm thấy thủ tục hành chính có mã &quot;9.999999&quot;");
  }
}
