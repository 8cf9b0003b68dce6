package org.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Callbacks (IPN) with a bad signature can come from anyone: each is logged as a bounded summary, and one client
 * address gets only a limited number logged per window (then 429, the protocol's "Invalid Checksum" body, nothing
 * stored). Sent from their own loopback addresses ({@link Api#from}).
 */
@MotcuaTest
class InvalidIpnThrottleTest {

  private static final String SECRET = "sandbox-secret-change-me";

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  @AfterEach
  void forgetCounts() {
    jdbc.update("delete from rate_counter where counter_key like 'ipn-invalid:%'");
  }

  @Test
  void anInvalidCallbackIsStoredAsABoundedSummaryWithTheFieldsThatMatterFirst() {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      params.put("a" + i, "rac".repeat(20));
    }
    params.putAll(PaymentHttpTest.ipn("tham-chieu-gia", 200_000, "00"));
    params.put("vnp_OrderInfo", "x".repeat(2_500));
    String query = VnpaySignature.signedQuery(params, "not-the-secret");
    assertThat(query.length()).isGreaterThan(5_000); // within Tomcat's 8 KB request line
    long before = invalidAttempts();

    Api.Response answer = api.from("127.0.0.20").get(null, "/api/payments/vnpay/ipn?" + query);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("RspCode")).isEqualTo("97");
    assertThat(invalidAttempts()).isEqualTo(before + 1);
    String stored = jdbc.queryForObject("select raw_params from payment_attempt where verdict = 'INVALID_SIGNATURE'"
        + " order by id desc limit 1", String.class);
    assertThat(stored.length()).isLessThanOrEqualTo(500);
    assertThat(stored).startsWith("vnp_TxnRef=tham-chieu-gia&vnp_Amount=20000000&vnp_ResponseCode=00")
        .contains("vnp_SecureHash=").doesNotContain("x".repeat(100));
    // It ends with what was sent: how many parameters, how many characters.
    java.util.regex.Matcher tail = java.util.regex.Pattern.compile(" \\[(\\d+) params, (\\d+) chars]$")
        .matcher(stored);
    assertThat(tail.find()).as(stored).isTrue();
    assertThat(Integer.parseInt(tail.group(1))).isGreaterThan(params.size());
    assertThat(Long.parseLong(tail.group(2))).isGreaterThan(5_000);
  }

  @Test
  void oneAddressGetsTwentyInvalidCallbacksLoggedPerWindowEvenInParallel() throws Exception {
    Api forger = api.from("127.0.0.21");
    long before = invalidAttempts();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Api.Response>> answers = new ArrayList<>();
    try {
      for (int k = 0; k < 40; k++) {
        String query = VnpaySignature.signedQuery(PaymentHttpTest.ipn("gia-" + k, 200_000, "00"), "forged-" + k);
        answers.add(pool.submit((Callable<Api.Response>) () -> forger.get(null, "/api/payments/vnpay/ipn?" + query)));
      }
      int logged = 0;
      for (Future<Api.Response> future : answers) {
        Api.Response answer = future.get();
        assertThat(answer.text("RspCode")).isEqualTo("97");
        if (answer.status() == 429) {
          assertThat(Long.parseLong(answer.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 600L);
        } else {
          assertThat(answer.status()).isEqualTo(200);
          logged++;
        }
      }
      assertThat(logged).isEqualTo(20);
    } finally {
      pool.shutdown();
    }
    assertThat(invalidAttempts()).isEqualTo(before + 20);

    // A signed callback from that address is still judged (here: a transaction nobody opened), and another
    // address's invalid callback is still logged.
    Api.Response signed = forger.get(null, "/api/payments/vnpay/ipn?"
        + VnpaySignature.signedQuery(PaymentHttpTest.ipn("khong-ton-tai-21", 200_000, "00"), SECRET));
    assertThat(signed.status()).isEqualTo(200);
    assertThat(signed.text("RspCode")).isEqualTo("01");
    Api.Response elsewhere = api.from("127.0.0.22").get(null, "/api/payments/vnpay/ipn?"
        + VnpaySignature.signedQuery(PaymentHttpTest.ipn("gia-x", 200_000, "00"), "forged"));
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(invalidAttempts()).isEqualTo(before + 21);
  }

  private long invalidAttempts() {
    return jdbc.queryForObject("select count(*) from payment_attempt where verdict = 'INVALID_SIGNATURE'", Long.class);
  }
}
