package org.motcua.process.camunda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.motcua.process.ProcessContract;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads open user tasks together with their dossier code and candidate group in one query, where the engine's task
 * API needs three (the task, its identity links, its process instance). Every officer action starts with such a
 * read and every answer ends with one, so this is on the hot path of the whole service.
 *
 * <p>It reads the engine's runtime tables ({@code ACT_RU_TASK}, {@code ACT_RU_EXECUTION},
 * {@code ACT_RU_IDENTITYLINK}), which Camunda 7 and Operaton share, in the caller's transaction, so it sees what the
 * engine has just flushed there.
 */
@Component
class TaskRows {

  /** A task row as read: the engine's fields plus the two the task API makes us fetch separately. */
  record Row(String id, String taskKey, String name, String assignee, Date createdAt, Date dueAt,
      String processDefinitionId, String dossierCode, String candidateGroup, boolean escalated) {

    /** The same task read with one more candidate group: the task's own one wins over an escalation's. */
    Row withGroup(String group) {
      if (group == null || group.equals(candidateGroup)) {
        return this;
      }
      if (candidateGroup == null) {
        return new Row(id, taskKey, name, assignee, createdAt, dueAt, processDefinitionId, dossierCode, group,
            escalated);
      }
      boolean ownIsEscalation = isEscalation(candidateGroup);
      String own = ownIsEscalation && !isEscalation(group) ? group : candidateGroup;
      return new Row(id, taskKey, name, assignee, createdAt, dueAt, processDefinitionId, dossierCode, own,
          isEscalation(group) || ownIsEscalation);
    }

    private static boolean isEscalation(String group) {
      return group.startsWith(ProcessContract.ESCALATION_ROLE + "@");
    }
  }

  private final JdbcTemplate jdbc;
  private final String byId;
  private final String byDossier;
  private final String select;

  TaskRows(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
    this.jdbc = jdbc;
    String prefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
    String select = "select t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,"
        + " t.PROC_DEF_ID_, p.BUSINESS_KEY_, l.GROUP_ID_"
        + " from " + prefix + "ACT_RU_TASK t"
        + " join " + prefix + "ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_"
        + " left join " + prefix + "ACT_RU_IDENTITYLINK l"
        + " on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null";
    this.select = select;
    this.byId = select + " where t.ID_ = ?";
    this.byDossier = select + " where p.BUSINESS_KEY_ = ? order by t.CREATE_TIME_, t.ID_";
  }

  List<Row> byId(String taskId) {
    return read(byId, taskId);
  }

  /** The dossier's open tasks, oldest first. */
  List<Row> byDossier(String dossierCode) {
    return read(byDossier, dossierCode);
  }

  /** These tasks, in the order of {@code taskIds} (those still open). */
  List<Row> byIds(List<String> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", java.util.Collections.nCopies(taskIds.size(), "?"));
    Map<String, Row> found = new LinkedHashMap<>();
    read(select + " where t.ID_ in (" + marks + ")", taskIds.toArray()).forEach(r -> found.put(r.id(), r));
    return taskIds.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
  }

  private List<Row> read(String sql, Object... parameters) {
    // A task with several candidate groups comes once per group: the model gives each task one, and an escalation
    // adds its agency leader's ({@link Row#withGroup}).
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.query(sql, (ResultSet rs) -> {
      Row row = row(rs);
      rows.merge(row.id(), row, (first, next) -> first.withGroup(next.candidateGroup()));
    }, parameters);
    return new ArrayList<>(rows.values());
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
        rs.getTimestamp(6), rs.getString(7), rs.getString(8), rs.getString(9), false);
  }
}
