package org.motcua.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.motcua.dossier.DossierChanged;
import org.motcua.dossier.DossierFacts;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes an outbox row for every change of a dossier's status (including its creation). {@link DossierChanged} is
 * published synchronously inside the dossier's transaction, so the row commits or rolls back with the change: a
 * committed status change always has its event, and a rolled-back one never does.
 */
@Component
class OutboxWriter {

  /** The topic of status changes: what the national portal's status sync and applicant notifications consume. */
  static final String STATUS_CHANGED = "dossier.status-changed";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<EventDetails> details;

  OutboxWriter(JdbcTemplate jdbc, ObjectMapper json, Clock clock, List<EventDetails> details) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.details = details;
  }

  @EventListener
  void on(DossierChanged change) {
    DossierFacts before = change.before();
    DossierFacts after = change.after();
    if (before != null && before.status() == after.status()) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("code", after.code());
    data.put("procedureCode", after.procedureCode());
    data.put("agencyCode", after.agencyCode());
    data.put("channel", after.channel());
    data.put("status", after.status());
    data.put("previousStatus", before == null ? null : before.status());
    data.put("submittedAt", after.submittedAt());
    data.put("receivedAt", after.receivedAt());
    data.put("dueAt", after.dueAt());
    data.put("finishedAt", after.finishedAt());
    data.put("returnedAt", after.returnedAt());
    data.put("timeliness", after.timeliness() == null ? null : after.timeliness().name());
    LocalDateTime now = now();
    data.put("changedAt", now);
    // E.g. the national portal's own field set (README "National portal sync"), as of this change.
    for (EventDetails detail : details) {
      Object value = detail.describe(after);
      if (value != null) {
        data.put(detail.name(), value);
      }
    }
    Timestamp at = Timestamp.valueOf(now);
    jdbc.update("insert into outbox_event (event_key, topic, dossier_code, payload, created_at, available_at, attempts)"
            + " values (?, ?, ?, ?, ?, ?, 0)",
        UUID.randomUUID().toString(), STATUS_CHANGED, after.code(), toJson(data), at, at);
  }

  private String toJson(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the outbox event of " + data.get("code"), e);
    }
  }

  /** Milliseconds only: the database keeps microseconds and would round a nanosecond instant up past "now". */
  private LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
