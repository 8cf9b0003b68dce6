-- History imports (issue 5): one row per uploaded CSV, updated as it runs, and the rejected lines with their reason.
create table import_job (
  id            varchar(36)  primary key,
  state         varchar(12)  not null,
  skip_invalid  boolean      not null,
  started_by    varchar(100) not null,
  started_at    timestamp    not null,
  finished_at   timestamp,
  rows_read     bigint       not null default 0,
  rows_imported bigint       not null default 0,
  rows_present  bigint       not null default 0,
  rows_rejected bigint       not null default 0,
  failure       varchar(2000)
);

-- One reason per rejected line (the first found); only the first 1,000 lines of a job are kept.
create table import_error (
  job_id varchar(36)  not null references import_job (id),
  line   bigint       not null,
  reason varchar(40)  not null,
  detail varchar(500),
  primary key (job_id, line)
);
