-- The digitization, reuse and online-payment indicators in the daily aggregates (issues 3 and 4).
-- Counted on the reception day (components, fees, online payments) or the end-of-handling day (e-results).
alter table report_day add column components_digitized bigint not null default 0;
alter table report_day add column components_supplied bigint not null default 0;
alter table report_day add column components_reused bigint not null default 0;
alter table report_day add column result_digitized bigint not null default 0;
alter table report_day add column fee_dossiers bigint not null default 0;
alter table report_day add column paid_online bigint not null default 0;

-- Dossiers already there are counted once here (the event listener keeps the counters up from now on). Each adds to
-- its existing buckets, which the V3 back-fill or the listener created for its reception and end days.
update report_day set
  components_digitized = (select count(*) from dossier d where d.received_at is not null and d.components_digitized
    and cast(d.received_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement),
  components_supplied = (select coalesce(sum(d.components_supplied), 0) from dossier d where d.received_at is not null
    and cast(d.received_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement),
  components_reused = (select coalesce(sum(d.components_reused), 0) from dossier d where d.received_at is not null
    and cast(d.received_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement),
  result_digitized = (select count(*) from dossier d where d.received_at is not null and d.ended_at is not null
    and d.result_digitized
    and cast(d.ended_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement),
  fee_dossiers = (select count(*) from dossier d where d.received_at is not null and d.fee_vnd > 0
    and cast(d.received_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement),
  paid_online = (select count(*) from dossier d where d.received_at is not null and d.paid_online
    and cast(d.received_at as date) = report_day.bucket_day and d.agency_path = report_day.agency_path
    and d.procedure_code = report_day.procedure_code and d.procedure_field = report_day.procedure_field
    and d.channel = report_day.channel and d.online_level = report_day.online_level
    and (d.supplement_count > 1) = report_day.multi_supplement);
