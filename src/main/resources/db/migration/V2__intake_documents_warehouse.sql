-- Intake on all channels, documents, digitization, the personal e-data warehouse and the side paths (issue 3).

alter table dossier add column postal_tracking_in varchar(40);
alter table dossier add column postal_tracking_out varchar(40);
alter table dossier add column result_delivery integer;
alter table dossier add column components_total integer not null default 0;
alter table dossier add column components_supplied integer not null default 0;
alter table dossier add column components_reused integer not null default 0;
alter table dossier add column components_digitized boolean not null default false;
alter table dossier add column result_digitized boolean not null default false;
alter table dossier add column paused_at timestamp;
alter table dossier add column appointment_at timestamp;
alter table dossier add column status_before_withdrawal integer;

-- Files: the documents of a dossier (components and the e-result). Bytes live in the document store.
create sequence document_seq start with 1 increment by 50;
create table document (
  id               bigint        primary key,
  dossier_id       bigint        not null references dossier (id),
  kind             varchar(10)   not null,
  component_code   varchar(60),
  filename         varchar(200)  not null,
  content_type     varchar(60)   not null,
  size_bytes       bigint        not null,
  sha256           varchar(64)   not null,
  storage_key      varchar(200)  not null,
  source           varchar(12)   not null,
  warehouse_item_id bigint,
  issuing_agency   varchar(200),
  issued_on        date,
  valid_until      date,
  uploaded_at      timestamp     not null,
  uploaded_by      varchar(100)  not null
);
create index ix_document_dossier on document (dossier_id);

-- The personal e-data warehouse (kho dữ liệu điện tử của tổ chức, cá nhân), keyed by CCCD or tax code.
create sequence warehouse_item_seq start with 1 increment by 50;
create table warehouse_item (
  id                  bigint        primary key,
  owner_id_number     varchar(20)   not null,
  document_type       varchar(60)   not null,
  name                varchar(500)  not null,
  issuing_agency      varchar(200),
  issued_on           date          not null,
  valid_until         date,
  source_dossier_code varchar(60)   not null,
  filename            varchar(200)  not null,
  content_type        varchar(60)   not null,
  size_bytes          bigint        not null,
  sha256              varchar(64)   not null,
  storage_key         varchar(200)  not null,
  created_at          timestamp     not null
);
create index ix_warehouse_owner on warehouse_item (owner_id_number, document_type);
