package org.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;

/**
 * The session a page sign-in leaves in the database (Spring Session JDBC) holds the signed-in user, but neither the
 * password nor its hash; HTTP Basic calls still sign in with the same accounts.
 */
@MotcuaTest
class SessionWithoutPasswordHashTest {

  private static final String USERNAME = "citizen.session";
  private static final String PASSWORD = "Mat-khau-rieng-9f3c1e";

  @LocalServerPort
  int port;
  @Autowired
  UserAccounts accounts;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void theStoredSessionCarriesTheUserWithoutTheHash() throws Exception {
    accounts.createIfAbsent(new UserAccounts.NewAccount(USERNAME, PASSWORD, "Hồ Thị Phiên", Role.CITIZEN, null,
        "093190000783", "0912000222", null));
    String hash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, USERNAME);

    HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
    String form = "username=" + USERNAME + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
        + (csrf.find() ? "&_csrf=" + csrf.group(1) : "");
    HttpRequest.Builder signIn = HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    login.headers().firstValue("Set-Cookie").ifPresent(c -> signIn.header("Cookie", c.split(";", 2)[0]));
    HttpResponse<String> signedIn = http.send(signIn.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    assertThat(http.send(HttpRequest.newBuilder(uri("/citizen/dossiers")).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("signed in by the session").isEqualTo(200);

    List<byte[]> stored = jdbc.query("select a.attribute_bytes from spring_session_attributes a"
            + " join spring_session s on s.primary_id = a.session_primary_id"
            + " where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'",
        (rs, i) -> rs.getBytes(1), USERNAME);
    assertThat(stored).hasSize(1);
    String bytes = new String(stored.get(0), StandardCharsets.ISO_8859_1);
    assertThat(hash).startsWith("{bcrypt}$2a$");
    assertThat(bytes).doesNotContain(hash.substring("{bcrypt}".length()), "{bcrypt}", "$2a$", PASSWORD);
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored.get(0)))) {
      SecurityContext context = (SecurityContext) in.readObject();
      assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(MotcuaUser.class, user -> {
        assertThat(user.username()).isEqualTo(USERNAME);
        assertThat(user.role()).isEqualTo(Role.CITIZEN);
        assertThat(user.getPassword()).isNull();
      });
      assertThat(context.getAuthentication().getCredentials()).isNull();
    }

    // HTTP Basic: the same check, the same hash-free principal behind every API call.
    String basic = java.util.Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes());
    assertThat(http.send(HttpRequest.newBuilder(uri("/api/dossiers")).header("Authorization", "Basic " + basic)
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    String wrong = java.util.Base64.getEncoder().encodeToString((USERNAME + ":wrong").getBytes());
    assertThat(http.send(HttpRequest.newBuilder(uri("/api/dossiers")).header("Authorization", "Basic " + wrong)
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
