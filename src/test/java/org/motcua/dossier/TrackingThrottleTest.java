package org.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The public tracking page (/track) under attack, through real HTTP from several client addresses (loopback
 * addresses 127.0.0.x bound by the client, see {@link Api#from}): guesses are counted atomically before they are
 * evaluated, per (code, address), per address and per code, and a lock on one address does not lock the citizen out.
 */
@MotcuaTest
class TrackingThrottleTest {

  private static final String PROCEDURE = "2.000488.000.00.12.H13"; // the demo citizen's phone ends in 5678
  private static final String LOCKED = "Đã nhập sai quá nhiều lần khi tra cứu";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  @AfterEach
  void forgetGuesses() {
    jdbc.update("delete from rate_counter where counter_key like 'track:%'");
  }

  @Test
  void sixtyParallelWrongGuessesGetFiveEvaluatedAndLockOnlyThatAddress() throws Exception {
    String code = new Dossiers(api).submit("citizen", PROCEDURE);
    TrackingForm attacker = new TrackingForm(api.from("127.0.0.2"));

    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<Api.Response>> answers = new ArrayList<>();
    try {
      for (int guess = 0; guess < 60; guess++) {
        String digits = String.format("%04d", 1000 + guess);
        answers.add(pool.submit((Callable<Api.Response>) () -> attacker.track(code, digits)));
      }
      int evaluated = 0;
      for (Future<Api.Response> answer : answers) {
        Api.Response response = answer.get();
        if (response.status() == 429) {
          assertThat(response.headers().getFirst(HttpHeaders.RETRY_AFTER)).matches("\\d+");
          assertThat(html(response)).contains(LOCKED);
        } else {
          assertThat(response.status()).isEqualTo(200);
          assertThat(html(response)).contains("id=\"not-found\"");
          evaluated++;
        }
      }
      assertThat(evaluated).as("wrong guesses evaluated").isEqualTo(5);
    } finally {
      pool.shutdown();
    }

    // The right answer from that address is refused too: the lock holds whatever the digits.
    Api.Response right = attacker.track(code, "5678");
    assertThat(right.status()).isEqualTo(429);
    assertThat(Long.parseLong(right.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 15 * 60L);
    assertThat(html(right)).contains(LOCKED).doesNotContain("id=\"dossier-status\"");

    // The citizen, from another address, still sees the dossier: one address cannot lock a citizen's code.
    Api.Response citizen = new TrackingForm(api.from("127.0.0.3")).track(code, "5678");
    assertThat(citizen.status()).isEqualTo(200);
    assertThat(html(citizen)).contains("id=\"dossier-status\"", code);
  }

  @Test
  void rightAnswersDoNotCountAndOneAddressIsLimitedAcrossCodes() {
    String code = new Dossiers(api).submit("citizen", PROCEDURE);
    TrackingForm citizen = new TrackingForm(api.from("127.0.0.4"));
    for (int i = 0; i < 4; i++) {
      assertThat(citizen.track(code, "000" + i).status()).isEqualTo(200);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(citizen.track(code, "5678").status()).isEqualTo(200);
    }
    assertThat(citizen.track(code, "0009").status()).as("the fifth wrong answer is still evaluated").isEqualTo(200);
    assertThat(citizen.track(code, "5678").status()).isEqualTo(429);

    // A script walking through codes from one address: 20 wrong answers in the window across all codes, then none.
    TrackingForm walker = new TrackingForm(api.from("127.0.0.5"));
    for (int i = 0; i < 20; i++) {
      assertThat(walker.track("000.00.12.H13-260101-" + (5000 + i), "1234").status()).isEqualTo(200);
    }
    Api.Response refused = walker.track("000.00.12.H13-260101-6000", "1234");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(walker.track(code, "5678").status()).isEqualTo(429);
  }

  @Test
  void guessingOneCodeFromManyAddressesLocksTheCodeForAWhile() {
    String code = new Dossiers(api).submit("citizen", PROCEDURE);
    // Six addresses, five wrong answers each: 30 for the code, its limit across all addresses.
    for (int a = 1; a <= 6; a++) {
      TrackingForm guesser = new TrackingForm(api.from("127.0.1." + a));
      for (int i = 0; i < 5; i++) {
        assertThat(guesser.track(code, String.format("%d%03d", a, i)).status()).isEqualTo(200);
      }
    }
    Api.Response fresh = new TrackingForm(api.from("127.0.1.7")).track(code, "5678");
    assertThat(fresh.status()).isEqualTo(429);
    assertThat(html(fresh)).contains(LOCKED);
    // Other codes are not affected.
    String other = new Dossiers(api).submit("citizen", PROCEDURE);
    assertThat(new TrackingForm(api.from("127.0.1.7")).track(other, "5678").status()).isEqualTo(200);
  }

  private static String html(Api.Response response) {
    return new String(response.raw(), StandardCharsets.UTF_8);
  }

  /** The /track form as a browser uses it from one address: a session with its CSRF token, then POSTs. */
  static final class TrackingForm {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final Api client;
    private final String cookie;
    private final String token;

    TrackingForm(Api client) {
      this.client = client;
      Api.Response page = client.exchange(HttpMethod.GET, "/track", new HttpHeaders(), null);
      assertThat(page.status()).isEqualTo(200);
      this.cookie = page.headers().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
          .filter(c -> c.startsWith("SESSION="))
          .map(c -> c.substring(0, c.indexOf(';')))
          .findFirst().orElseThrow();
      Matcher csrf = CSRF.matcher(html(page));
      assertThat(csrf.find()).as("csrf field on the tracking page").isTrue();
      this.token = csrf.group(1);
    }

    Api.Response track(String code, String digits) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      headers.set(HttpHeaders.COOKIE, cookie);
      LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("code", code);
      form.add("phone", digits);
      form.add("_csrf", token);
      return client.exchange(HttpMethod.POST, "/track", headers, form);
    }
  }
}
