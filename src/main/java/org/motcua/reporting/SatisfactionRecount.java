package org.motcua.reporting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.motcua.dossier.DossierFactsView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the satisfaction counters ({@code dissatisfied_received}, {@code dissatisfied_ended} of {@code report_day}
 * and {@code report_month}) counted by the rule in force. They are kept on every dossier change by
 * {@link DayCounts}; when the rule in config/feedback.yml differs from the one recorded in {@code satisfaction_rule}
 * (and at the first start after migration V78, which records {@code none}, so ratings given before it are counted),
 * the start-up recounts them from the dossiers, in one transaction, before the service takes requests. The recorded
 * row is locked first, so nodes starting together on one database recount once: the second finds the rule recorded.
 */
@Component
class SatisfactionRecount {

  private static final Logger log = LoggerFactory.getLogger(SatisfactionRecount.class);

  private final JdbcTemplate jdbc;
  private final DayCounts counts;
  private final SatisfactionRule rule;
  private final TransactionTemplate tx;

  SatisfactionRecount(JdbcTemplate jdbc, DayCounts counts, SatisfactionRule rule,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.counts = counts;
    this.rule = rule;
    this.tx = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationStartedEvent.class)
  void onStart() {
    tx.executeWithoutResult(status -> recountIfChanged());
  }

  /** Recounts when the recorded rule is not today's; returns whether it did. */
  boolean recountIfChanged() {
    List<String> recorded = jdbc.queryForList("select rule from satisfaction_rule where id = 1 for update",
        String.class);
    if (!recorded.isEmpty() && recorded.get(0).equals(rule.counted())) {
      return false;
    }
    long dossiers = recount();
    if (recorded.isEmpty()) {
      jdbc.update("insert into satisfaction_rule (id, rule) values (1, ?)", rule.counted());
    } else {
      jdbc.update("update satisfaction_rule set rule = ? where id = 1", rule.counted());
    }
    log.info("Satisfaction counters recounted with {} (was {}): {} dissatisfied dossiers", rule.counted(),
        recorded.isEmpty() ? "none" : recorded.get(0), dossiers);
    return true;
  }

  private long recount() {
    for (String table : List.of("report_day", "report_month")) {
      jdbc.update("update " + table + " set dissatisfied_received = 0, dissatisfied_ended = 0 "
          + "where dissatisfied_received <> 0 or dissatisfied_ended <> 0");
    }
    Map<DayContribution.Key, long[]> deltas = new HashMap<>();
    long[] n = {0};
    jdbc.query("select received_at, ended_at, agency_path, procedure_code, procedure_field, channel, online_level, "
        + "supplement_count from " + DossierFactsView.NAME + " where received_at is not null and "
        + rule.sqlCondition(), rs -> {
          boolean multi = rs.getInt("supplement_count") > 1;
          add(deltas, rs.getTimestamp("received_at").toLocalDateTime().toLocalDate(), rs, multi,
              DayContribution.DISSATISFIED_RECEIVED);
          java.sql.Timestamp ended = rs.getTimestamp("ended_at");
          if (ended != null) {
            add(deltas, ended.toLocalDateTime().toLocalDate(), rs, multi, DayContribution.DISSATISFIED_ENDED);
          }
          n[0]++;
        });
    counts.add(deltas);
    return n[0];
  }

  private static void add(Map<DayContribution.Key, long[]> deltas, java.time.LocalDate day, java.sql.ResultSet rs,
      boolean multi, int counter) throws java.sql.SQLException {
    DayContribution.Key key = new DayContribution.Key(day, rs.getString("agency_path"),
        rs.getString("procedure_code"), rs.getString("procedure_field"), rs.getInt("channel"),
        rs.getString("online_level"), multi);
    deltas.computeIfAbsent(key, k -> new long[DayContribution.COLUMNS.length])[counter]++;
  }
}
