package org.motcua.security;

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

/**
 * A browser's session on the pages, without a browser: keeps its cookies, signs in through the login form, never
 * follows redirects (the test looks at them), and sends the form's CSRF token with every POST as a page would.
 */
final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  private PageSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A visitor who has not signed in (but has a session, so that their form posts carry a valid CSRF token). */
  static PageSession anonymous(int port) {
    return new PageSession(port);
  }

  /** Signs in on the login page as a demo user (password {@code demo}, admin {@code admin}). */
  static PageSession signedIn(int port, String username) {
    PageSession session = new PageSession(port);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", username);
    form.put("password", username.equals("admin") ? "admin" : "demo");
    HttpResponse<String> response = session.post("/login", form);
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
      throw new AssertionError("form sign-in of " + username + " failed: " + response.statusCode() + " " + location);
    }
    return session;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  /** A form POST (application/x-www-form-urlencoded) with the session's current CSRF token. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    String token = csrfToken();
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("_csrf", token);
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The token a page of this session carries (the tracking page has a form for everyone, signed in or not). */
  private String csrfToken() {
    String page = get("/track").body();
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no CSRF token on /track");
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
