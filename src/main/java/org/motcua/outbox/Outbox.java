package org.motcua.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as other features use it: write an event in the caller's transaction (it is delivered once that
 * commits, by the sink of its topic, at least once with its key), and read where events stand.
 */
@Component
public class Outbox {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  Outbox(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Writes an event in the caller's transaction (there must be one: the event must commit or roll back with the
   * change it reports).
   *
   * @param key     the idempotency key (at most 64 characters, unique): deterministic keys make a second write of the
   *                same event fail rather than send it twice
   * @param payload the event's JSON body (at most 1,000,000 characters)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void write(String topic, String key, String dossierCode, String payload) {
    Timestamp at = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    jdbc.getJdbcTemplate().update("insert into outbox_event (event_key, topic, dossier_code, payload, created_at,"
        + " available_at, attempts) values (?, ?, ?, ?, ?, ?, 0)", key, topic, dossierCode, payload, at, at);
  }

  /** Where each of these events stands, by key (keys without a row are left out). */
  public Map<String, Delivery> deliveries(Collection<String> keys) {
    Map<String, Delivery> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    jdbc.query("select event_key, attempts, last_error, delivered_at, dead_at from outbox_event"
        + " where event_key in (:keys)", Map.of("keys", keys), rs -> {
          Delivery d = new Delivery(rs.getString("event_key"), rs.getInt("attempts"), rs.getString("last_error"),
              local(rs.getTimestamp("delivered_at")), local(rs.getTimestamp("dead_at")));
          found.put(d.key(), d);
        });
    return found;
  }

  private static LocalDateTime local(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }

  /** Where an event stands. */
  public enum State {
    /** Not yet tried, or waiting for its next attempt after none failed. */
    PENDING,
    /** At least one attempt failed; it will be tried again. */
    FAILING,
    /** Given up after {@code motcua.outbox.give-up-after}: tried again only when an administrator resends it. */
    DEAD,
    /** The receiver has it. */
    DELIVERED
  }

  /** An event's delivery: attempts so far, the last failure, when it was delivered or given up. */
  public record Delivery(String key, int attempts, String lastError, LocalDateTime deliveredAt,
      LocalDateTime deadAt) {

    public State state() {
      if (deliveredAt != null) {
        return State.DELIVERED;
      }
      if (deadAt != null) {
        return State.DEAD;
      }
      return lastError != null ? State.FAILING : State.PENDING;
    }
  }
}
