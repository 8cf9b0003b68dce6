-- Fees and charges (phí, lệ phí), how they were settled, and every gateway callback (issue 4).

create sequence charge_seq start with 1 increment by 50;
create table charge (
  id             bigint        primary key,
  dossier_code   varchar(60)   not null,
  amount_vnd     bigint        not null,
  txn_ref        varchar(64)   not null,
  status         varchar(12)   not null,
  method         varchar(12),
  opened_at      timestamp     not null,
  settled_at     timestamp,
  settled_by     varchar(100),
  gateway_txn_no varchar(40),
  receipt_number varchar(60),
  exemption_code varchar(40),
  note           varchar(1000),
  constraint uk_charge_txn_ref unique (txn_ref)
);
create index ix_charge_dossier on charge (dossier_code);

create sequence payment_attempt_seq start with 1 increment by 50;
create table payment_attempt (
  id          bigint        primary key,
  received_at timestamp     not null,
  gateway     varchar(20)   not null,
  txn_ref     varchar(200),
  amount_vnd  bigint,
  verdict     varchar(24)   not null,
  flagged     boolean       not null,
  raw_params  varchar(4000) not null
);
create index ix_payment_attempt_txn on payment_attempt (txn_ref);
create index ix_payment_attempt_received on payment_attempt (received_at);

alter table dossier add column paid_online boolean not null default false;
