package org.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Offerings on the pages, server-rendered (no script): the catalogue says where a procedure is received, the submit
 * form offers the choice of receiving agency and selects the one the contact address names, and the counter lists the
 * procedures the clerk's agency receives.
 */
@MotcuaTest
class OfferingPagesTest {

  private static final String BIRTH = "1.001193.000.00.21.H13";
  private static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  @Test
  void theCataloguePageListsEveryReceivingAgencyAndFindsAProcedureByAnyOfThem() {
    Session visitor = new Session();
    String birth = visitor.get("/procedures/" + BIRTH).body();
    assertThat(birth).contains("id=\"offerings\"", "data-agency=\"000.01.21.H13\"", "data-agency=\"000.02.21.H13\"",
        "Ủy ban nhân dân phường Vị Tân", "Nộp tại cơ quan tiếp nhận nơi cư trú");
    assertThat(visitor.get("/procedures/2.000815.000.00.21.H13").body()).contains("Phi địa giới hành chính");
    String atViTan = visitor.get("/procedures?agency=000.02.21.H13").body();
    assertThat(atViTan).contains("data-code=\"" + BIRTH + "\"", "26 cơ quan tiếp nhận")
        .doesNotContain("data-code=\"" + CRIMINAL_RECORD + "\"");
  }

  @Test
  void theSubmitFormOffersTheReceivingAgenciesAndSelectsTheOneOfTheAddress() {
    Session citizen = new Session().signIn("citizen");
    String form = citizen.get("/citizen/submit/" + BIRTH).body();
    assertThat(form).contains("<select id=\"agencyCode\" name=\"agencyCode\"", "value=\"000.01.21.H13\"",
        "value=\"000.02.21.H13\"");
    assertThat(form).doesNotContain("selected=\"selected\">Ủy ban nhân dân phường");
    // The form comes back (no component file here): the ward the address names is now selected.
    String back = citizen.post("/citizen/submit/" + BIRTH, Map.of("name", "Trần Thị Bình", "idNumber",
        "093190000456", "phone", "0987654321", "address", "Khu vực 3, phường Vị Tân, tỉnh Hậu Giang")).body();
    assertThat(back).contains("<option value=\"000.02.21.H13\" selected=\"selected\">Ủy ban nhân dân phường Vị Tân");
    assertThat(back).doesNotContain("<option value=\"000.01.21.H13\" selected=\"selected\">");
    // A procedure received by one agency asks no choice.
    assertThat(citizen.get("/citizen/submit/" + CRIMINAL_RECORD).body()).doesNotContain("id=\"agencyCode\"");
  }

  @Test
  void theCounterListsTheProceduresTheClerksAgencyReceives() {
    Session viTan = new Session().signIn("clerk.vitan");
    assertThat(viTan.get("/officer/intake").body()).contains("data-code=\"" + BIRTH + "\"")
        .doesNotContain("data-code=\"" + CRIMINAL_RECORD + "\"");
    assertThat(viTan.get("/officer/intake/" + BIRTH).statusCode()).isEqualTo(200);
    Session justice = new Session().signIn("clerk.stp");
    assertThat(justice.get("/officer/intake").body()).doesNotContain("data-code=\"" + BIRTH + "\"");
    assertThat(justice.get("/officer/intake/" + BIRTH).statusCode()).isEqualTo(403);
  }

  /** A browser's session without a browser: cookies, the login form, and the CSRF token on every POST. */
  private final class Session {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    Session signIn(String username) {
      HttpResponse<String> response = post("/login", Map.of("username", username, "password", "demo"));
      assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
      return this;
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
      Matcher m = CSRF.matcher(get("/track").body());
      assertThat(m.find()).as("a CSRF token on /track").isTrue();
      Map<String, String> form = new LinkedHashMap<>(fields);
      form.put("_csrf", m.group(1));
      String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.header("Accept-Language", "vi").build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
