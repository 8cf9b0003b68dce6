package org.motcua.process.camunda;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
      String processDefinitionId, String dossierCode, String candidateGroup) {
  }

  private final JdbcTemplate jdbc;
  private final String byId;
  private final String byDossier;

  TaskRows(JdbcTemplate jdbc, ProcessEngineConfigurationImpl engine) {
    this.jdbc = jdbc;
    String prefix = engine.getDatabaseTablePrefix() == null ? "" : engine.getDatabaseTablePrefix();
    String select = "select t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, t.CREATE_TIME_, t.DUE_DATE_,"
        + " t.PROC_DEF_ID_, p.BUSINESS_KEY_, l.GROUP_ID_"
        + " from " + prefix + "ACT_RU_TASK t"
        + " join " + prefix + "ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_"
        + " left join " + prefix + "ACT_RU_IDENTITYLINK l"
        + " on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null";
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

  private List<Row> read(String sql, String parameter) {
    // A task with several candidate groups comes once per group; the model gives each task one, the first counts.
    Map<String, Row> rows = new LinkedHashMap<>();
    jdbc.query(sql, (ResultSet rs) -> {
      rows.putIfAbsent(rs.getString(1), row(rs));
    }, parameter);
    return new ArrayList<>(rows.values());
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
        rs.getTimestamp(6), rs.getString(7), rs.getString(8), rs.getString(9));
  }
}
