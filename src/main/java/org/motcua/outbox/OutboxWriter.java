package org.motcua.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.motcua.dossier.DossierAction;
import org.motcua.dossier.DossierChanged;
import org.motcua.dossier.DossierEvent;
import org.motcua.dossier.DossierFacts;
import org.motcua.dossier.DossierRecorded;
import org.motcua.dossier.DossierRecords;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an outbox row for every change of a dossier's status (including its creation). {@link DossierChanged} is
 * published synchronously inside the dossier's transaction, so the row commits or rolls back with the change: a
 * committed status change always has its event, and a rolled-back one never does.
 *
 * <p>A transaction that writes history lines the national portal shows but keeps the status (a specialist's step, a
 * file, an apology's new appointment, a corrected declaration) gets one {@code dossier.updated} event at its commit,
 * with the dossier as it then stands, unless a status event of the same transaction already showed those lines.
 */
@Component
class OutboxWriter {

  /** The topic of status changes: what the national portal's status sync and applicant notifications consume. */
  static final String STATUS_CHANGED = "dossier.status-changed";
  /** The topic of changes that keep the status but change what the national portal shows. */
  static final String UPDATED = "dossier.updated";

  /** Lines that change the portal's record of a dossier without changing its status. */
  private static final Set<DossierAction> UPDATES = EnumSet.of(DossierAction.TASK_COMPLETED,
      DossierAction.DOCUMENT_ADDED, DossierAction.RESULT_DIGITIZED, DossierAction.APOLOGY_ISSUED,
      DossierAction.CASE_CHANGED, DossierAction.FORM_CORRECTED, DossierAction.STAGE_STARTED,
      DossierAction.STAGE_COMPLETED, DossierAction.STAGE_RESULT_ADDED, DossierAction.OBLIGATION_NOTIFIED,
      DossierAction.OBLIGATION_FULFILLED, DossierAction.CONSULTATION_TIMED_OUT);

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;
  private final List<EventDetails> details;
  private final DossierRecords records;

  OutboxWriter(JdbcTemplate jdbc, ObjectMapper json, Clock clock, List<EventDetails> details,
      DossierRecords records) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.details = details;
    this.records = records;
  }

  @EventListener
  void on(DossierChanged change) {
    DossierFacts before = change.before();
    DossierFacts after = change.after();
    if (before != null && before.status() == after.status()) {
      return;
    }
    write(STATUS_CHANGED, before, after, null);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      records.find(after.code()).ifPresent(d -> thisTransaction().shown.put(after.code(), d.getHistory().size()));
    }
  }

  @EventListener
  void on(DossierRecorded line) {
    if (UPDATES.contains(line.action()) && TransactionSynchronizationManager.isSynchronizationActive()) {
      thisTransaction().updated.add(line.code());
    }
  }

  private void write(String topic, DossierFacts before, DossierFacts after, DossierAction action) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("code", after.code());
    data.put("procedureCode", after.procedureCode());
    data.put("agencyCode", after.agencyCode());
    data.put("channel", after.channel());
    data.put("status", after.status());
    data.put("previousStatus", before == null ? null : before.status());
    if (action != null) {
      data.put("action", action.name());
    }
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
        UUID.randomUUID().toString(), topic, after.code(), toJson(data), at, at);
  }

  /** The dossiers this transaction changed, bound to it the first time one is. */
  private Changed thisTransaction() {
    Changed changed = (Changed) TransactionSynchronizationManager.getResource(this);
    if (changed == null) {
      changed = new Changed();
      TransactionSynchronizationManager.bindResource(this, changed);
      TransactionSynchronizationManager.registerSynchronization(changed);
    }
    return changed;
  }

  /** Per transaction: how many history lines its status events showed, and which dossiers got lines to show. */
  private final class Changed implements TransactionSynchronization {

    final Map<String, Integer> shown = new HashMap<>();
    final Set<String> updated = new LinkedHashSet<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      for (String code : updated) {
        records.find(code).ifPresent(dossier -> {
          List<DossierEvent> history = dossier.getHistory();
          if (!Integer.valueOf(history.size()).equals(shown.get(code))) {
            write(UPDATED, null, records.facts(dossier), history.get(history.size() - 1).getAction());
          }
        });
      }
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(OutboxWriter.this);
    }
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
