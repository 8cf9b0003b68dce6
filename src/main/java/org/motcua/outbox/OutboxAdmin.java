package org.motcua.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator sees of the outbox and may do with it: per topic, how many events are pending, failing
 * (retried with back-off), dead (given up) and delivered; the undelivered events themselves; and a resend of a dead
 * letter, with the same idempotency key and its attempts counted from zero.
 */
@Service
public class OutboxAdmin implements UseCase {

  private static final int LIST_LIMIT = 200;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  OutboxAdmin(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Set<Refusal> refusals() {
    return Set.of(OutboxRefusal.OUTBOX_EVENT_NOT_FOUND, OutboxRefusal.OUTBOX_EVENT_NOT_DEAD,
        OutboxRefusal.UNKNOWN_OUTBOX_STATE);
  }

  /** One topic's counts. */
  public record TopicCounts(String topic, long pending, long failing, long dead, long delivered) {
  }

  /** One event as the administrator sees it. */
  public record EventView(long id, String key, String topic, String dossierCode, Outbox.State state,
      LocalDateTime createdAt, LocalDateTime resentAt, int attempts, LocalDateTime nextAttemptAt, String lastError,
      LocalDateTime deadAt, LocalDateTime deliveredAt) {
  }

  /** Every topic that has events, with its counts, by topic name. */
  @Transactional(readOnly = true)
  public List<TopicCounts> topics() {
    TreeMap<String, TopicCounts> byTopic = new TreeMap<>();
    jdbc.query("select topic,"
        + " sum(case when delivered_at is null and dead_at is null and last_error is null then 1 else 0 end) p,"
        + " sum(case when delivered_at is null and dead_at is null and last_error is not null then 1 else 0 end) f,"
        + " sum(case when dead_at is not null and delivered_at is null then 1 else 0 end) d,"
        + " sum(case when delivered_at is not null then 1 else 0 end) ok"
        + " from outbox_event group by topic", rs -> {
          byTopic.put(rs.getString(1), new TopicCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
              rs.getLong(5)));
        });
    return List.copyOf(byTopic.values());
  }

  /**
   * The events in a state (default: every undelivered one, dead letters included), optionally of one topic and of
   * one dossier, oldest first, at most 200.
   */
  @Transactional(readOnly = true)
  public List<EventView> events(String topic, String state, String dossierCode) {
    String condition;
    if (state == null || state.isBlank()) {
      condition = "delivered_at is null";
    } else {
      condition = switch (parse(state)) {
        case PENDING -> "delivered_at is null and dead_at is null and last_error is null";
        case FAILING -> "delivered_at is null and dead_at is null and last_error is not null";
        case DEAD -> "delivered_at is null and dead_at is not null";
        case DELIVERED -> "delivered_at is not null";
      };
    }
    List<Object> args = new ArrayList<>();
    if (topic != null && !topic.isBlank()) {
      condition += " and topic = ?";
      args.add(topic.trim());
    }
    if (dossierCode != null && !dossierCode.isBlank()) {
      condition += " and dossier_code = ?";
      args.add(dossierCode.trim());
    }
    return jdbc.query(SELECT + " where " + condition + " order by id fetch first " + LIST_LIMIT + " rows only",
        this::view, args.toArray());
  }

  /**
   * Sends a dead letter again: the same row and key, attempts from zero, due now; it is given up again only after
   * another {@code give-up-after} from now.
   */
  @Transactional
  public EventView resend(long id) {
    EventView event = event(id);
    if (event.state() != Outbox.State.DEAD) {
      throw OutboxRefusal.OUTBOX_EVENT_NOT_DEAD.exception(id, event.state());
    }
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    jdbc.update("update outbox_event set dead_at = null, attempts = 0, last_error = null, available_at = ?,"
        + " resent_at = ? where id = ? and dead_at is not null", now, now, id);
    return event(id);
  }

  private EventView event(long id) {
    List<EventView> found = jdbc.query(SELECT + " where id = ?", this::view, id);
    if (found.isEmpty()) {
      throw OutboxRefusal.OUTBOX_EVENT_NOT_FOUND.exception(id);
    }
    return found.get(0);
  }

  private static final String SELECT = "select id, event_key, topic, dossier_code, created_at, resent_at, attempts,"
      + " available_at, last_error, dead_at, delivered_at from outbox_event";

  private EventView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Outbox.Delivery d = new Outbox.Delivery(rs.getString("event_key"), rs.getInt("attempts"),
        rs.getString("last_error"), local(rs.getTimestamp("delivered_at")), local(rs.getTimestamp("dead_at")));
    boolean live = d.state() == Outbox.State.PENDING || d.state() == Outbox.State.FAILING;
    return new EventView(rs.getLong("id"), d.key(), rs.getString("topic"), rs.getString("dossier_code"), d.state(),
        local(rs.getTimestamp("created_at")), local(rs.getTimestamp("resent_at")), d.attempts(),
        live ? local(rs.getTimestamp("available_at")) : null, d.lastError(), d.deadAt(), d.deliveredAt());
  }

  private static Outbox.State parse(String state) {
    try {
      return Outbox.State.valueOf(state.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw OutboxRefusal.UNKNOWN_OUTBOX_STATE.exception(state);
    }
  }

  private static LocalDateTime local(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }
}
