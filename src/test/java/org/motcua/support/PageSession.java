package org.motcua.support;

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

/** A browser's session without a browser: cookies, the login form, and the CSRF token on every POST. */
public final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  public PageSession(int port) {
    this.port = port;
  }

  /** Signs in with a demo account (password {@code demo}). */
  public PageSession signIn(String username) {
    return signIn(username, "demo");
  }

  public PageSession signIn(String username, String password) {
    HttpResponse<String> response = post("/login", Map.of("username", username, "password", password));
    assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return this;
  }

  public HttpResponse<String> get(String path) {
    return get(path, "text/html");
  }

  /** A GET with this session and the given Accept header (a web app's own JSON calls). */
  public HttpResponse<String> get(String path, String accept) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
  }

  /** Posts a form as the page would, with a fresh CSRF token of this session. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
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
