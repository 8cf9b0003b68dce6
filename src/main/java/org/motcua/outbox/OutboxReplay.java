package org.motcua.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the events of a period again: their rows become due now, with their keys and sequence numbers unchanged,
 * so a receiver that already has an event drops it (idempotent on the receiver's side) and one that lost it applies
 * it in the original order.
 */
@Component
public class OutboxReplay {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  OutboxReplay(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Re-queues the events of these topics written in [from, to); returns how many. */
  @Transactional
  public int replay(List<String> topics, LocalDateTime from, LocalDateTime to) {
    Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    int replayed = 0;
    for (String topic : topics) {
      replayed += jdbc.update("update outbox_event set delivered_at = null, dead_at = null, resent_at = ?,"
              + " available_at = ?, attempts = 0, last_error = null"
              + " where topic = ? and created_at >= ? and created_at < ?",
          now, now, topic, Timestamp.valueOf(from), Timestamp.valueOf(to));
    }
    return replayed;
  }

  /** The topics the national portal's sync consumes: status changes, and changes that keep the status. */
  public static List<String> portalTopics() {
    return List.of(OutboxWriter.STATUS_CHANGED, OutboxWriter.UPDATED);
  }
}
