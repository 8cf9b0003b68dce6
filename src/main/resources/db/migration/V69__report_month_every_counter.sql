-- report_month keeps every counter of report_day (issue 17: the summary's p99 on H2). A period's whole months are
-- then read from their monthly rows (one row per month instead of ~30), its first and last part months from the
-- days. The roll-up is exactly the sum of the day rows of its month, so it is rebuilt from them.
-- Portable SQL: H2 2.x and PostgreSQL.
alter table report_month add column ended_early bigint not null default 0;
alter table report_month add column ended_on_time bigint not null default 0;
alter table report_month add column ended_late bigint not null default 0;
alter table report_month add column components_digitized bigint not null default 0;
alter table report_month add column components_supplied bigint not null default 0;
alter table report_month add column components_reused bigint not null default 0;
alter table report_month add column result_digitized bigint not null default 0;
alter table report_month add column fee_dossiers bigint not null default 0;
alter table report_month add column paid_online bigint not null default 0;
alter table report_month add column ended_withdrawn bigint not null default 0;
alter table report_month add column ended_refused bigint not null default 0;

delete from report_month;

insert into report_month (bucket_month, agency_path, procedure_code, procedure_field, channel, online_level,
                          multi_supplement, received, ended, ended_early, ended_on_time, ended_late, due, settled,
                          components_digitized, components_supplied, components_reused, result_digitized,
                          fee_dossiers, paid_online, ended_withdrawn, ended_refused)
select cast(date_trunc('month', bucket_day) as date), agency_path, procedure_code, procedure_field, channel,
       online_level, multi_supplement, sum(received), sum(ended), sum(ended_early), sum(ended_on_time),
       sum(ended_late), sum(due), sum(settled), sum(components_digitized), sum(components_supplied),
       sum(components_reused), sum(result_digitized), sum(fee_dossiers), sum(paid_online), sum(ended_withdrawn),
       sum(ended_refused)
from report_day
group by cast(date_trunc('month', bucket_day) as date), agency_path, procedure_code, procedure_field, channel,
         online_level, multi_supplement;
