-- Step records (issue 22): each user task a dossier's process opened, in any model, with its budget, start, end and
-- the working time it took, so that lateness is traced to the step and agency that caused it; and the warning and
-- escalation sent before and when the step ran out. Written by the engine-wide task listener in the engine's own
-- transaction (process.camunda.StepListenerEnginePlugin -> process.ProcessSteps -> dossier.StepRecorder).
create sequence dossier_step_seq start with 1 increment by 50;

create table dossier_step (
  id               bigint        primary key,
  dossier_id       bigint        not null references dossier (id),
  dossier_code     varchar(40)   not null,
  task_id          varchar(64)   not null,
  task_key         varchar(100)  not null,
  task_name        varchar(300),
  role             varchar(20),
  agency_code      varchar(40),
  -- the path of the step's agency (/root/…/code/) when the step started: reports attribute lateness by it
  agency_path      varchar(400),
  started_at       timestamp     not null,
  due_at           timestamp,
  budget_minutes   bigint,
  warn_at          timestamp,
  ended_at         timestamp,
  worked_minutes   bigint,
  overran          boolean       not null default false,
  outcome          varchar(20),
  decision         varchar(40),
  end_reason       varchar(300),
  warned_at        timestamp,
  escalated_at     timestamp,
  escalated_to     varchar(80)
);

create unique index ux_dossier_step_task on dossier_step (task_id);
create index ix_dossier_step_dossier on dossier_step (dossier_id, started_at);
-- the sweeper: open steps by the instant they warn or run out
create index ix_dossier_step_open_warn on dossier_step (ended_at, warn_at);
create index ix_dossier_step_open_due on dossier_step (ended_at, due_at);
