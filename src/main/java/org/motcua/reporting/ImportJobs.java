package org.motcua.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.common.Refusal;
import org.motcua.common.UseCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The import jobs and their rejected lines, in the database so progress is visible from any node. */
@Component
class ImportJobs implements UseCase {

  static final int KEPT_ERRORS = 1000;

  enum State { RUNNING, SUCCEEDED, REJECTED, FAILED }

  record Job(String id, State state, boolean skipInvalid, String startedBy, LocalDateTime startedAt,
      LocalDateTime finishedAt, long rowsRead, long rowsImported, long rowsAlreadyPresent, long rowsRejected,
      String failure, LocalDateTime heartbeatAt) {
  }

  record LineError(long line, String reason, String detail) {
  }

  /** Why a job that stopped making progress is reported failed (the start of its {@code failure}). */
  static final String NODE_STOPPED = "NODE_STOPPED";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Duration abandonedAfter;

  ImportJobs(JdbcTemplate jdbc, Clock clock, @Value("${motcua.imports.abandoned-after:10m}") Duration abandonedAfter) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.abandonedAfter = abandonedAfter;
  }

  void create(String id, boolean skipInvalid, String startedBy, LocalDateTime at) {
    jdbc.update("insert into import_job (id, state, skip_invalid, started_by, started_at, heartbeat_at) "
        + "values (?, ?, ?, ?, ?, ?)", id, State.RUNNING.name(), skipInvalid, startedBy, Timestamp.valueOf(at),
        Timestamp.valueOf(at));
  }

  /** Counts so far; also the job's heartbeat (a job runs on the node that received it, in memory). */
  void progress(String id, long read, long imported, long present, long rejected) {
    jdbc.update("update import_job set rows_read = ?, rows_imported = ?, rows_present = ?, rows_rejected = ?, "
        + "heartbeat_at = ? where id = ?", read, imported, present, rejected,
        Timestamp.valueOf(LocalDateTime.now(clock)), id);
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

  /** Following a job by its id. */
  @Override
  public Set<Refusal> refusals() {
    return Set.of(ImportRefusal.IMPORT_NOT_FOUND);
  }

  /** The job as it stands ({@link #find}), or {@link ImportRefusal#IMPORT_NOT_FOUND}. */
  Job require(String id) {
    return find(id).orElseThrow(() -> ImportRefusal.IMPORT_NOT_FOUND.exception(id));
  }

  /**
   * The job as it stands. A job still RUNNING without progress for {@code motcua.imports.abandoned-after} ran on a
   * node that stopped (a crash, a restart): it is reported FAILED, so that the administrator sends the file again
   * (dossiers already imported are skipped). Should the node still finish it after all, its last word wins.
   */
  Optional<Job> find(String id) {
    LocalDateTime cutoff = LocalDateTime.now(clock).minus(abandonedAfter);
    Optional<Job> job = read(id);
    if (job.isEmpty() || job.get().state() != State.RUNNING || !job.get().heartbeatAt().isBefore(cutoff)) {
      return job;
    }
    // Conditional: the node may have moved the job on since it was read.
    jdbc.update("update import_job set state = ?, finished_at = ?, failure = ? "
        + "where id = ? and state = ? and heartbeat_at < ?", State.FAILED.name(),
        Timestamp.valueOf(LocalDateTime.now(clock)),
        NODE_STOPPED + ": no progress for " + abandonedAfter.toMinutes() + " minutes; the node running the import"
            + " stopped. Send the file again: dossiers already imported are skipped.",
        id, State.RUNNING.name(), Timestamp.valueOf(cutoff));
    return read(id);
  }

  private Optional<Job> read(String id) {
    return jdbc.query("select * from import_job where id = ?", (rs, n) -> new Job(rs.getString("id"),
        State.valueOf(rs.getString("state")), rs.getBoolean("skip_invalid"), rs.getString("started_by"),
        rs.getTimestamp("started_at").toLocalDateTime(),
        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toLocalDateTime(),
        rs.getLong("rows_read"), rs.getLong("rows_imported"), rs.getLong("rows_present"), rs.getLong("rows_rejected"),
        rs.getString("failure"), rs.getTimestamp("heartbeat_at").toLocalDateTime()), id).stream().findFirst();
  }

  List<LineError> errorsOf(String id, int limit) {
    return jdbc.query("select line, reason, detail from import_error where job_id = ? order by line",
        (rs, n) -> new LineError(rs.getLong("line"), rs.getString("reason"), rs.getString("detail")), id)
        .stream().limit(limit).toList();
  }
}
