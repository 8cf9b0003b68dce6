package org.motcua.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows to the sink. One round claims up to a batch of undelivered, due rows with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}, delivers each and records the outcome, all in one transaction that keeps
 * the rows locked: a concurrent relay (another thread or node) skips them, so live relays never deliver a row twice.
 *
 * <p>If the node dies after the receiver got an event but before the commit, the lock goes with the connection
 * and the row is delivered again later with the same key: at least once, deduplicated by the receiver. A failed
 * delivery is retried after 5 s, 10 s, 20 s, … up to {@code motcua.outbox.max-backoff}.
 */
@Component
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final OutboxProperties properties;
  private final OutboxSink sink;

  OutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, OutboxProperties properties) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.properties = properties;
    this.sink = properties.http().url() == null ? new LogSink() : new HttpSink(properties.http());
  }

  /** One round with the configured sink; returns how many events were delivered. */
  public int relayOnce() {
    return relayOnce(sink);
  }

  int relayOnce(OutboxSink target) {
    Integer delivered = transaction.execute(status -> deliverBatch(target));
    return delivered == null ? 0 : delivered;
  }

  private int deliverBatch(OutboxSink target) {
    LocalDateTime now = now();
    List<OutboxMessage> due = jdbc.query(
        "select id, event_key, topic, dossier_code, created_at, payload, attempts from outbox_event"
            + " where delivered_at is null and available_at <= ? order by id"
            + " fetch first " + properties.batchSize() + " rows only for update skip locked",
        (rs, i) -> new OutboxMessage(rs.getString("event_key"), rs.getLong("id"), rs.getString("topic"),
            rs.getString("dossier_code"), rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("payload"),
            rs.getInt("attempts") + 1),
        Timestamp.valueOf(now));
    int delivered = 0;
    for (OutboxMessage message : due) {
      MDC.put("dossier", message.dossierCode());
      try {
        target.deliver(message);
        jdbc.update("update outbox_event set delivered_at = ?, attempts = ?, last_error = null where id = ?",
            Timestamp.valueOf(now()), message.attempt(), message.sequence());
        delivered++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed(message, e);
        break;
      } catch (Exception e) {
        failed(message, e);
      } finally {
        MDC.remove("dossier");
      }
    }
    return delivered;
  }

  private void failed(OutboxMessage message, Exception e) {
    Duration wait = backoff(message.attempt());
    log.warn("Delivery {} of event {} failed, next attempt in {} s: {}", message.attempt(), message.key(),
        wait.toSeconds(), e.toString());
    String error = String.valueOf(e);
    jdbc.update("update outbox_event set attempts = ?, last_error = ?, available_at = ? where id = ?",
        message.attempt(), error.length() > 1000 ? error.substring(0, 1000) : error,
        Timestamp.valueOf(now().plus(wait)), message.sequence());
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
