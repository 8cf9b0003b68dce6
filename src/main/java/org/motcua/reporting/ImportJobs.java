package org.motcua.reporting;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The import jobs and their rejected lines, in the database so progress is visible from any node. */
@Component
class ImportJobs {

  static final int KEPT_ERRORS = 1000;

  enum State { RUNNING, SUCCEEDED, REJECTED, FAILED }

  record Job(String id, State state, boolean skipInvalid, String startedBy, LocalDateTime startedAt,
      LocalDateTime finishedAt, long rowsRead, long rowsImported, long rowsAlreadyPresent, long rowsRejected,
      String failure) {
  }

  record LineError(long line, String reason, String detail) {
  }

  private final JdbcTemplate jdbc;

  ImportJobs(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void create(String id, boolean skipInvalid, String startedBy, LocalDateTime at) {
    jdbc.update("insert into import_job (id, state, skip_invalid, started_by, started_at) values (?, ?, ?, ?, ?)",
        id, State.RUNNING.name(), skipInvalid, startedBy, Timestamp.valueOf(at));
  }

  void progress(String id, long read, long imported, long present, long rejected) {
    jdbc.update("update import_job set rows_read = ?, rows_imported = ?, rows_present = ?, rows_rejected = ? "
        + "where id = ?", read, imported, present, rejected, id);
  }

  void finish(String id, State state, LocalDateTime at, String failure) {
    jdbc.update("update import_job set state = ?, finished_at = ?, failure = ? where id = ?", state.name(),
        Timestamp.valueOf(at), failure == null ? null : failure.substring(0, Math.min(failure.length(), 2000)), id);
  }

  void errors(String id, List<LineError> errors) {
    jdbc.batchUpdate("insert into import_error (job_id, line, reason, detail) values (?, ?, ?, ?)",
        errors.stream().map(e -> new Object[] {id, e.line(), e.reason(),
            e.detail() == null ? null : e.detail().substring(0, Math.min(e.detail().length(), 500))}).toList());
  }

  Optional<Job> find(String id) {
    return jdbc.query("select * from import_job where id = ?", (rs, n) -> new Job(rs.getString("id"),
        State.valueOf(rs.getString("state")), rs.getBoolean("skip_invalid"), rs.getString("started_by"),
        rs.getTimestamp("started_at").toLocalDateTime(),
        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toLocalDateTime(),
        rs.getLong("rows_read"), rs.getLong("rows_imported"), rs.getLong("rows_present"), rs.getLong("rows_rejected"),
        rs.getString("failure")), id).stream().findFirst();
  }

  List<LineError> errorsOf(String id, int limit) {
    return jdbc.query("select line, reason, detail from import_error where job_id = ? order by line",
        (rs, n) -> new LineError(rs.getLong("line"), rs.getString("reason"), rs.getString("detail")), id)
        .stream().limit(limit).toList();
  }
}
