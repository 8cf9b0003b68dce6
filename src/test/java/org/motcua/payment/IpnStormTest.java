package org.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Thousands of IPNs — genuine, replayed, forged, with wrong amounts, for unknown transactions, failed at the gateway
 * — fired in random order from several threads at the real endpoint. Every dossier is credited exactly once or not at
 * all, and every IPN is accounted for in the attempt log with the verdict it deserved. The forged ones come from 40
 * other addresses (a botnet, {@link Api#from}), each below the per-address limit of invalid callbacks
 * ({@link InvalidIpnThrottleTest}), so every one of them is judged and logged.
 */
@MotcuaTest
class IpnStormTest {

  private static final String SECRET = "sandbox-secret-change-me";
  private static final int DOSSIERS = 12;
  private static final int THREADS = 8;

  @Autowired
  Api api;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void everyDossierIsCreditedExactlyOnceOrNotAtAll() throws Exception {
    Dossiers flow = new Dossiers(api);
    Random random = new Random(766);
    List<String> codes = new ArrayList<>();
    Map<String, String> txnRefs = new HashMap<>();
    for (int i = 0; i < DOSSIERS; i++) {
      String code = flow.submitComplete("citizen", "2.000488.000.00.12.H13");
      flow.decide("clerk.stp", code, "accept", null);
      flow.decide("specialist.stp", code, "forward", null);
      flow.decide("leader.stp", code, "approve", null);
      codes.add(code);
      txnRefs.put(code, api.get("citizen", "/api/dossiers/" + code + "/payments").body().get(0).path("txnRef").asText());
    }

    List<String> queries = new ArrayList<>();
    Map<String, String> forgers = new HashMap<>(); // forged query -> the address it is sent from
    // The answer each callback deserves (VNPAY's IPN codes): 97 bad checksum, 01 order not found, 04 invalid amount,
    // 00 confirmed (a payment failed at the gateway is acknowledged with 00 too). The copies of a genuine IPN are
    // judged afterwards: whichever arrives first gets 00, every other one 02 (already confirmed).
    Map<String, String> deserved = new HashMap<>();
    Map<String, String> genuineOf = new HashMap<>(); // genuine query -> its dossier
    Map<PaymentAttempt.Verdict, Integer> expected = new EnumMap<>(PaymentAttempt.Verdict.class);
    List<String> credited = new ArrayList<>();
    for (String code : codes) {
      String txnRef = txnRefs.get(code);
      int genuine = random.nextInt(5) * 20; // 0, 20, 40, 60 or 80 copies of the same successful IPN
      String genuineQuery = VnpaySignature.signedQuery(PaymentHttpTest.ipn(txnRef, 200_000, "00"), SECRET);
      for (int k = 0; k < genuine; k++) {
        queries.add(genuineQuery);
      }
      genuineOf.put(genuineQuery, code);
      if (genuine > 0) {
        credited.add(code);
        add(expected, PaymentAttempt.Verdict.CONFIRMED, 1);
        add(expected, PaymentAttempt.Verdict.DUPLICATE, genuine - 1);
      }
      int forged = 20 + random.nextInt(20);
      for (int k = 0; k < forged; k++) {
        String query = VnpaySignature.signedQuery(PaymentHttpTest.ipn(txnRef, 200_000, "00"), "forged-" + k);
        queries.add(query);
        forgers.put(query, "127.0.2." + (k + 1));
        deserved.put(query, "97");
      }
      add(expected, PaymentAttempt.Verdict.INVALID_SIGNATURE, forged);
      int wrongAmount = 10 + random.nextInt(10);
      for (int k = 0; k < wrongAmount; k++) {
        String query = VnpaySignature.signedQuery(PaymentHttpTest.ipn(txnRef, 199_000 - k, "00"), SECRET);
        queries.add(query);
        deserved.put(query, "04");
      }
      add(expected, PaymentAttempt.Verdict.AMOUNT_MISMATCH, wrongAmount);
      if (genuine == 0) {
        int failed = 5 + random.nextInt(5);
        for (int k = 0; k < failed; k++) {
          String query = VnpaySignature.signedQuery(PaymentHttpTest.ipn(txnRef, 200_000, "24"), SECRET);
          queries.add(query);
          deserved.put(query, "00");
        }
        add(expected, PaymentAttempt.Verdict.FAILED_AT_GATEWAY, failed);
      }
    }
    for (int k = 0; k < 300; k++) {
      String query = VnpaySignature.signedQuery(PaymentHttpTest.ipn("unknown" + k, 200_000, "00"), SECRET);
      queries.add(query);
      deserved.put(query, "01");
    }
    add(expected, PaymentAttempt.Verdict.UNKNOWN_TRANSACTION, 300);
    Collections.shuffle(queries, random);
    assertThat(queries.size()).isGreaterThan(1000);
    Map<String, Long> before = verdicts();

    Map<String, Api> clients = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, List<String>> genuineAnswers = new java.util.concurrent.ConcurrentHashMap<>(); // dossier -> codes
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        sent.add(pool.submit(() -> {
          int ok = 0;
          for (int i = offset; i < queries.size(); i += THREADS) {
            String query = queries.get(i);
            String from = forgers.get(query);
            Api client = from == null ? api : clients.computeIfAbsent(from, api::from);
            Api.Response answer = client.get(null, "/api/payments/vnpay/ipn?" + query);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            String code = genuineOf.get(query);
            if (code == null) {
              assertThat(answer.text("RspCode")).as("answer to %s", query).isEqualTo(deserved.get(query));
            } else {
              genuineAnswers.computeIfAbsent(code, c -> Collections.synchronizedList(new ArrayList<>()))
                  .add(answer.text("RspCode"));
            }
            ok++;
          }
          return ok;
        }));
      }
      int total = 0;
      for (Future<Integer> f : sent) {
        total += f.get();
      }
      assertThat(total).isEqualTo(queries.size());
    } finally {
      pool.shutdown();
    }

    assertThat(genuineAnswers.keySet()).containsExactlyInAnyOrderElementsOf(credited);
    for (Map.Entry<String, List<String>> copies : genuineAnswers.entrySet()) {
      List<String> answers = copies.getValue();
      assertThat(answers).as("answers to the copies of %s's IPN", copies.getKey())
          .containsOnlyOnce("00").containsOnly("00", "02");
    }

    Map<String, Long> after = verdicts();
    for (PaymentAttempt.Verdict verdict : PaymentAttempt.Verdict.values()) {
      long delta = after.getOrDefault(verdict.name(), 0L) - before.getOrDefault(verdict.name(), 0L);
      assertThat(delta).as("attempts judged %s", verdict).isEqualTo(expected.getOrDefault(verdict, 0).longValue());
    }
    for (String code : codes) {
      JsonNode dossier = api.get("citizen", "/api/dossiers/" + code).body();
      long settlements = dossier.path("history").findValuesAsText("action").stream()
          .filter("PAYMENT_SETTLED"::equals).count();
      JsonNode charge = api.get("citizen", "/api/dossiers/" + code + "/payments").body().get(0);
      if (credited.contains(code)) {
        assertThat(settlements).as("settlements of %s", code).isEqualTo(1);
        assertThat(dossier.path("status").asInt()).isEqualTo(9);
        assertThat(charge.path("status").asText()).isEqualTo("PAID");
      } else {
        assertThat(settlements).as("settlements of %s", code).isZero();
        assertThat(dossier.path("status").asInt()).isEqualTo(6);
        assertThat(charge.path("status").asText()).isEqualTo("OPEN");
      }
    }
  }

  private Map<String, Long> verdicts() {
    Map<String, Long> counts = new HashMap<>();
    jdbc.query("select verdict, count(*) as n from payment_attempt group by verdict",
        rs -> {
          counts.put(rs.getString("verdict"), rs.getLong("n"));
        });
    return counts;
  }

  private static void add(Map<PaymentAttempt.Verdict, Integer> counts, PaymentAttempt.Verdict verdict, int n) {
    counts.merge(verdict, n, Integer::sum);
  }
}
