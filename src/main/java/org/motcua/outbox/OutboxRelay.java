package org.motcua.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows, each to the sink of its topic ({@link OutboxSink.ForTopic} beans). One round claims up to
 * a batch of undelivered, live, due rows with {@code SELECT … FOR UPDATE SKIP LOCKED}, delivers each and records the
 * outcome, all in one transaction that keeps the rows locked: a concurrent relay (another thread or node) skips them,
 * so live relays never deliver a row twice.
 *
 * <p>If the node dies after the receiver got an event but before the commit, the lock goes with the connection
 * and the row is delivered again later with the same key: at least once, deduplicated by the receiver. A failed
 * delivery is retried after 5 s, 10 s, 20 s, … up to {@code motcua.outbox.max-backoff}; a row still failing
 * {@code motcua.outbox.give-up-after} (per topic if set) after its creation or its last resend is a dead letter: it
 * keeps its last error and is not tried again until an administrator resends it ({@link OutboxAdmin}).
 */
@Component
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final OutboxProperties properties;
  private final Map<String, OutboxSink> sinks = new HashMap<>();

  OutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, OutboxProperties properties,
      List<OutboxSink.ForTopic> topicSinks) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.properties = properties;
    for (OutboxSink.ForTopic sink : topicSinks) {
      if (sinks.put(sink.topic(), sink) != null) {
        throw new IllegalStateException("Two outbox sinks for topic " + sink.topic());
      }
    }
  }

  /** One round, each row to its topic's sink; returns how many events were delivered. */
  public int relayOnce() {
    return round(this::sinkOf);
  }

  /**
   * One round with each topic's sink wrapped by {@code around} (a test's crash between delivery and commit, a
   * diagnostic's timing); returns how many events were delivered.
   */
  public int relayOnce(UnaryOperator<OutboxSink> around) {
    return round(topic -> around.apply(sinkOf(topic)));
  }

  /** One round delivering every due row, whatever its topic, to {@code target}. */
  int relayOnce(OutboxSink target) {
    return round(topic -> target);
  }

  private int round(Function<String, OutboxSink> route) {
    Integer delivered = transaction.execute(status -> deliverBatch(route));
    return delivered == null ? 0 : delivered;
  }

  private OutboxSink sinkOf(String topic) {
    OutboxSink sink = sinks.get(topic);
    return sink != null ? sink : message -> {
      throw new IllegalStateException("No outbox sink for topic " + message.topic());
    };
  }

  private record Due(OutboxMessage message, LocalDateTime since) {
  }

  private int deliverBatch(Function<String, OutboxSink> route) {
    LocalDateTime now = now();
    List<Due> due = jdbc.query(
        "select id, event_key, topic, dossier_code, created_at, resent_at, payload, attempts from outbox_event"
            + " where delivered_at is null and dead_at is null and available_at <= ? order by id"
            + " fetch first " + properties.batchSize() + " rows only for update skip locked",
        (rs, i) -> {
          LocalDateTime created = rs.getTimestamp("created_at").toLocalDateTime();
          Timestamp resent = rs.getTimestamp("resent_at");
          return new Due(new OutboxMessage(rs.getString("event_key"), rs.getLong("id"), rs.getString("topic"),
              rs.getString("dossier_code"), created, rs.getString("payload"), rs.getInt("attempts") + 1),
              resent == null ? created : resent.toLocalDateTime());
        },
        Timestamp.valueOf(now));
    int delivered = 0;
    for (Due row : due) {
      OutboxMessage message = row.message();
      MDC.put("dossier", message.dossierCode());
      try {
        route.apply(message.topic()).deliver(message);
        jdbc.update("update outbox_event set delivered_at = ?, attempts = ?, last_error = null where id = ?",
            Timestamp.valueOf(now()), message.attempt(), message.sequence());
        delivered++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed(row, e);
        break;
      } catch (Exception e) {
        failed(row, e);
      } finally {
        MDC.remove("dossier");
      }
    }
    return delivered;
  }

  private void failed(Due row, Exception e) {
    OutboxMessage message = row.message();
    String error = String.valueOf(e);
    error = error.length() > 1000 ? error.substring(0, 1000) : error;
    LocalDateTime now = now();
    Duration giveUpAfter = properties.giveUpAfter(message.topic());
    if (!now.isBefore(row.since().plus(giveUpAfter))) {
      log.error("Event {} ({}) of {} still failing after {} attempts and {}: dead letter, not tried again until "
          + "resent: {}", message.key(), message.topic(), message.dossierCode(), message.attempt(), giveUpAfter, error);
      jdbc.update("update outbox_event set attempts = ?, last_error = ?, dead_at = ? where id = ?",
          message.attempt(), error, Timestamp.valueOf(now), message.sequence());
      return;
    }
    Duration wait = backoff(message.attempt());
    log.warn("Delivery {} of event {} failed, next attempt in {} s: {}", message.attempt(), message.key(),
        wait.toSeconds(), e.toString());
    jdbc.update("update outbox_event set attempts = ?, last_error = ?, available_at = ? where id = ?",
        message.attempt(), error, Timestamp.valueOf(now.plus(wait)), message.sequence());
  }

  Duration backoff(int attempt) {
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
  }

  /** Milliseconds only: the database keeps microseconds and would round a nanosecond instant up past "now". */
  private LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
