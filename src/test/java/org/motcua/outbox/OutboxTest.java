package org.motcua.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactional outbox: status changes write their event in the dossier's transaction, the relay delivers each
 * at least once with a stable key to a real HTTP receiver, retries failures, survives "delivered but not recorded"
 * (the receiver drops the duplicate by its key), and concurrent relays never deliver a row twice.
 */
@MotcuaTest
class OutboxTest {

  private static final String PROCEDURE = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @Autowired
  OutboxRelay relay;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestClock clock;

  Receiver receiver;
  HttpSink sink;

  @BeforeEach
  void receiverAndEmptyBacklog() throws Exception {
    clock.reset();
    receiver = new Receiver();
    // Patient enough for a loaded machine; the late-answer test uses its own impatient sink.
    sink = new HttpSink(new OutboxProperties.Http(receiver.url(), "portal-token", Duration.ofSeconds(10)));
    // Events of other tests (the relay is off in tests) go out first, so each test sees only its own.
    drain();
    receiver.received.clear();
    receiver.applied.clear();
  }

  @AfterEach
  void stop() {
    receiver.close();
    clock.reset();
  }

  @Test
  void aStatusChangeWritesItsEventInTheSameTransactionAndARefusedRequestWritesNone() {
    long before = count("1=1");
    Api.Response refused = api.post("citizen", "/api/dossiers", Dossiers.submission("9.999999.000.00.00.H13"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(count("1=1")).isEqualTo(before);

    String code = new Dossiers(api).submit("citizen", PROCEDURE);
    Map<String, Object> row = jdbc.queryForMap("select * from outbox_event where dossier_code = ?", code);
    assertThat(row.get("topic")).isEqualTo(OutboxWriter.STATUS_CHANGED);
    assertThat((String) row.get("payload")).contains("\"code\":\"" + code + "\"", "\"status\":1",
        "\"previousStatus\":null");
    assertThat(row.get("delivered_at")).isNull();

    assertThat(drain()).isEqualTo(1);
    String key = (String) row.get("event_key");
    assertThat(receiver.applied).containsOnlyKeys(key);
    assertThat(receiver.applied.get(key)).contains("\"dossierCode\":\"" + code + "\"", "\"topic\":\"dossier.status-changed\"");
    assertThat(count("delivered_at is not null and dossier_code = '" + code + "'")).isEqualTo(1);
  }

  @Test
  void aFailedDeliveryIsRetriedWithTheSameKeyUntilTheReceiverHasIt() {
    String code = new Dossiers(api).submit("citizen", PROCEDURE);
    String key = keyOf(code);
    receiver.failNext.set(2);

    assertThat(relay.relayOnce(sink)).isZero();
    Map<String, Object> row = jdbc.queryForMap("select * from outbox_event where event_key = ?", key);
    assertThat(row.get("delivered_at")).isNull();
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat((String) row.get("last_error")).contains("HTTP 503");
    // Not due again before its back-off: a round now delivers nothing.
    assertThat(relay.relayOnce(sink)).isZero();
    assertThat(receiver.received).isEmpty();

    later(Duration.ofSeconds(6));
    assertThat(relay.relayOnce(sink)).isZero();       // second failure, back-off doubles
    later(Duration.ofSeconds(20));
    assertThat(relay.relayOnce(sink)).isEqualTo(1);
    assertThat(receiver.received).containsExactly(key);
    assertThat(jdbc.queryForObject("select attempts from outbox_event where event_key = ?", Integer.class, key))
        .isEqualTo(3);
    assertThat(drain()).isZero();
  }

  @Test
  void anEventTheReceiverGotButTheRelayDidNotRecordIsSentAgainAndAppliedOnce() {
    String code = new Dossiers(api).submit("citizen", PROCEDURE);
    String key = keyOf(code);
    // The receiver stores the event but answers after the relay stopped waiting: as if the node died between the
    // receiver's answer and its own commit.
    receiver.answerLateNext.set(1);
    HttpSink impatient = new HttpSink(new OutboxProperties.Http(receiver.url(), "portal-token", Duration.ofMillis(700)));

    assertThat(relay.relayOnce(impatient)).isZero();
    assertThat(receiver.receivedCount(key)).isEqualTo(1);
    later(Duration.ofSeconds(6));
    assertThat(relay.relayOnce(sink)).isEqualTo(1);

    assertThat(receiver.receivedCount(key)).isEqualTo(2);
    assertThat(receiver.applied).containsOnlyKeys(key);
    assertThat(count("delivered_at is null and dossier_code = '" + code + "'")).isZero();
  }

  @Test
  void concurrentRelaysDeliverEveryEventExactlyOnce() throws Exception {
    Dossiers flow = new Dossiers(api);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      codes.add(flow.submit(i % 2 == 0 ? "citizen" : "citizen2", PROCEDURE));
    }
    // Only this test's events: other tests of the suite leave rows dated by their own (test) clock.
    String mine = "dossier_code in ('" + String.join("','", codes) + "')";
    List<String> keys = jdbc.queryForList("select event_key from outbox_event where delivered_at is null and " + mine,
        String.class);
    assertThat(keys).hasSize(30);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> relays = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        relays.add(() -> {
          int total = 0;
          for (int round = 0; round < 20; round++) {
            total += relay.relayOnce(new SmallBatches(sink));
          }
          return total;
        });
      }
      int delivered = 0;
      for (Future<Integer> f : pool.invokeAll(relays)) {
        delivered += f.get();
      }
      // On a loaded machine a delivery may fail (timeout) and wait for its back-off: the clock moves past it.
      later(Duration.ofHours(1));
      delivered += drain();
      assertThat(delivered).isEqualTo(keys.size());
    } finally {
      pool.shutdown();
    }
    assertThat(count("delivered_at is null and " + mine)).isZero();
    assertThat(receiver.applied.keySet()).containsAll(keys);
    // Never sent twice by two relays at once: an event reaches the receiver again only after a failed attempt.
    for (String key : keys) {
      int attempts = jdbc.queryForObject("select attempts from outbox_event where event_key = ?", Integer.class, key);
      assertThat(receiver.receivedCount(key)).as("deliveries of %s in %d attempts", key, attempts)
          .isBetween(1L, (long) attempts);
      if (attempts == 1) {
        assertThat(receiver.receivedCount(key)).isEqualTo(1L);
      }
    }
  }

  /** Slows each delivery a little so the relays' rounds overlap. */
  private record SmallBatches(OutboxSink sink) implements OutboxSink {
    @Override
    public void deliver(OutboxMessage message) throws Exception {
      Thread.sleep(5);
      sink.deliver(message);
    }
  }

  private int drain() {
    int total = 0;
    for (int n; (n = relay.relayOnce(sink)) > 0; ) {
      total += n;
    }
    return total;
  }

  private void later(Duration by) {
    clock.set(LocalDateTime.now(clock).plus(by));
  }

  private String keyOf(String code) {
    return jdbc.queryForObject("select event_key from outbox_event where dossier_code = ?", String.class, code);
  }

  private long count(String where) {
    return jdbc.queryForObject("select count(*) from outbox_event where " + where, Long.class);
  }
}
