-- The provincial breakdown table's "withdrawn" and "refused" columns, and the monthly roll-up of report_day
-- (issue 5). Portable SQL: H2 2.x and PostgreSQL.
-- dossier.stop_reason says why handling stopped (status 8): the action that stopped it, WITHDRAWN (confirmed
-- withdrawal), REFUSED (refusal after reception) or UNPAID_STOPPED; null otherwise, and for imported history whose
-- CSV does not say. report_day counts the withdrawn and refused ones on their end-of-handling day.
alter table dossier add column stop_reason varchar(20);
alter table report_day add column ended_withdrawn bigint not null default 0;
alter table report_day add column ended_refused bigint not null default 0;

-- Dossiers stopped before this migration: the reason is the action recorded in their history.
update dossier set stop_reason = (
    select max(e.action) from dossier_event e
    where e.dossier_id = dossier.id and e.action in ('WITHDRAWN', 'REFUSED', 'UNPAID_STOPPED'))
where status = 8;

-- Their buckets exist already (the end-of-handling day's, created by V3 or the listener); only those are touched.
update report_day set
  ended_withdrawn = (select count(*) from dossier d where d.stop_reason = 'WITHDRAWN' and d.received_at is not null
    and cast(d.ended_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement),
  ended_refused = (select count(*) from dossier d where d.stop_reason = 'REFUSED' and d.received_at is not null
    and cast(d.ended_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement)
where bucket_day in (select cast(ended_at as date) from dossier
                     where stop_reason in ('WITHDRAWN', 'REFUSED') and ended_at is not null);

-- The monthly roll-up of the counters the summary sums over all history before its period (open and overdue
-- balances: received, ended, due, settled). The summary reads report_day from the month of its period's start and
-- report_month before it, so it sums a few thousand rows whatever the length of the history. Same key as
-- report_day with the month's first day; the DayCounts listener keeps both in the same transaction.
create table report_month (
  bucket_month     date         not null,
  agency_path      varchar(400) not null,
  procedure_code   varchar(60)  not null,
  procedure_field  varchar(200) not null,
  channel          integer      not null,
  online_level     varchar(10)  not null,
  multi_supplement boolean      not null,
  received         bigint       not null default 0,
  ended            bigint       not null default 0,
  due              bigint       not null default 0,
  settled          bigint       not null default 0,
  constraint uk_report_month unique (bucket_month, agency_path, procedure_code, procedure_field, channel,
                                     online_level, multi_supplement)
);

insert into report_month (bucket_month, agency_path, procedure_code, procedure_field, channel, online_level,
                          multi_supplement, received, ended, due, settled)
select cast(date_trunc('month', bucket_day) as date), agency_path, procedure_code, procedure_field, channel,
       online_level, multi_supplement, sum(received), sum(ended), sum(due), sum(settled)
from report_day
group by cast(date_trunc('month', bucket_day) as date), agency_path, procedure_code, procedure_field, channel,
         online_level, multi_supplement;
