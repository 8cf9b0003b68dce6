-- Feedback (phản ánh, kiến nghị, issue 16): a citizen writes about one of their dossiers or about a procedure; the
-- responsible agency rejects it, asks for more information, or answers it within working-time limits counted from
-- its submission (org.motcua.feedback). Portable SQL: H2 2.x and PostgreSQL.
create sequence feedback_seq start with 1 increment by 50;
create table feedback (
  id                   bigint         primary key,
  citizen              varchar(100)   not null,
  citizen_name         varchar(200),
  dossier_code         varchar(60),
  procedure_code       varchar(60)    not null,
  agency_code          varchar(60)    not null,
  agency_path          varchar(400)   not null,
  title                varchar(200)   not null,
  content              varchar(4000)  not null,
  state                varchar(30)    not null,
  submitted_at         timestamp      not null,
  reject_due           timestamp      not null,
  information_due      timestamp      not null,
  answer_due           timestamp      not null,
  closed_at            timestamp,
  late                 boolean        default false not null,
  answer               varchar(4000),
  reaction             varchar(10),
  reacted_at           timestamp,
  version              bigint         default 0 not null
);
create index feedback_citizen on feedback (citizen, submitted_at);
create index feedback_agency on feedback (agency_code, submitted_at);
create index feedback_open_due on feedback (answer_due, state);
create index feedback_dossier on feedback (dossier_code);

-- Every state change of a feedback: who, when, what.
create sequence feedback_event_seq start with 1 increment by 50;
create table feedback_event (
  id                   bigint         primary key,
  feedback_id          bigint         not null references feedback (id),
  at                   timestamp      not null,
  action               varchar(30)    not null,
  actor                varchar(100)   not null,
  actor_name           varchar(200),
  text                 varchar(4000)
);
create index feedback_event_feedback on feedback_event (feedback_id, at);

-- The dossier keeps how many feedbacks were written about it and how many of them were rejected: facts of the
-- satisfaction indicator (org.motcua.reporting.SatisfactionRule), published with every DossierChanged.
alter table dossier add column feedback_count integer default 0 not null;
alter table dossier add column feedback_rejected integer default 0 not null;

-- The satisfaction counters (org.motcua.reporting.DayContribution): dossiers that count as dissatisfied (a dislike
-- rating, or feedback about them) by reception day and by end-of-handling day, like `received` and `ended`, so the
-- summary counts them over its timeliness scope. Filled by SatisfactionRecount at start-up (whenever the rule in
-- config/feedback.yml differs from the one they were counted with, recorded in satisfaction_rule).
alter table report_day add column dissatisfied_received bigint default 0 not null;
alter table report_day add column dissatisfied_ended bigint default 0 not null;
alter table report_month add column dissatisfied_received bigint default 0 not null;
alter table report_month add column dissatisfied_ended bigint default 0 not null;
create table satisfaction_rule (
  id                   integer        primary key,
  rule                 varchar(200)   not null
);
-- One row, locked by the recount, so that nodes starting together recount once: 'none' differs from every rule.
insert into satisfaction_rule (id, rule) values (1, 'none');

-- The reporting read model gains the facts (V74; a view's columns cannot be changed by create or replace).
drop view dossier_facts;
create view dossier_facts as
select code, procedure_code, procedure_field, online_level, fee_vnd, agency_code, agency_path, channel, status,
       submitted_at, received_at, due_at, finished_at, returned_at, ended_at, timeliness, supplement_count,
       duration_unit, components_digitized, components_supplied, components_reused, result_digitized, paid_online,
       stop_reason, vneid_verified, satisfaction_rating, feedback_count, feedback_rejected
from dossier;
