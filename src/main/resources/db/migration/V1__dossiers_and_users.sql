-- motcua's own schema (the Camunda engine manages its own tables). Portable SQL: H2 2.x and PostgreSQL 13+.

create table app_user (
  username      varchar(100) primary key,
  password_hash varchar(200) not null,
  full_name     varchar(200) not null,
  role          varchar(20)  not null,
  agency_code   varchar(40),
  id_number     varchar(20),
  phone         varchar(20),
  email         varchar(200),
  enabled       boolean      not null default true
);

create sequence dossier_seq start with 1 increment by 50;
create sequence dossier_event_seq start with 1 increment by 50;

create table dossier (
  id                  bigint        primary key,
  version             bigint        not null,
  code                varchar(60)   not null,
  procedure_code      varchar(60)   not null,
  procedure_name      varchar(1000) not null,
  procedure_field     varchar(200)  not null,
  online_level        varchar(10)   not null,
  duration_value      integer       not null,
  duration_unit       varchar(20)   not null,
  fee_vnd             bigint        not null,
  agency_code         varchar(40)   not null,
  agency_path         varchar(400)  not null,
  channel             integer       not null,
  status              integer       not null,
  applicant_name      varchar(200)  not null,
  applicant_id_number varchar(20)   not null,
  applicant_phone     varchar(20),
  applicant_email     varchar(200),
  applicant_address   varchar(500),
  owner_username      varchar(100),
  process_instance_id varchar(64),
  submitted_at        timestamp     not null,
  received_at         timestamp,
  due_at              timestamp,
  finished_at         timestamp,
  returned_at         timestamp,
  ended_at            timestamp,
  timeliness          varchar(10),
  supplement_count    integer       not null default 0,
  due_soon            boolean       not null default false,
  overdue             boolean       not null default false,
  constraint uk_dossier_code unique (code)
);

create index ix_dossier_owner on dossier (owner_username, submitted_at);
create index ix_dossier_agency on dossier (agency_code, submitted_at);
create index ix_dossier_received on dossier (received_at);
create index ix_dossier_ended on dossier (ended_at);

create table dossier_event (
  id             bigint        primary key,
  dossier_id     bigint        not null references dossier (id),
  at             timestamp     not null,
  action         varchar(30)   not null,
  status_code    integer       not null,
  actor_username varchar(100)  not null,
  actor_name     varchar(200)  not null,
  actor_role     varchar(20)   not null,
  actor_agency   varchar(40),
  step           varchar(60),
  step_name      varchar(200),
  decision       varchar(40),
  note           varchar(2000),
  step_due_at    timestamp
);

create index ix_dossier_event_dossier on dossier_event (dossier_id, at);

-- Daily sequence of dossier codes per agency; incremented under its row lock so codes stay unique across nodes.
create table dossier_code_counter (
  agency_code varchar(40) not null,
  issue_day   date        not null,
  last_value  integer     not null,
  primary key (agency_code, issue_day)
);
