-- Reporting aggregates (issue 5): per-day counters maintained from DossierChanged in the dossier's own transaction,
-- so the summary sums a few thousand buckets instead of scanning every dossier. Portable SQL: H2 2.x and PostgreSQL.
--
-- A dossier (once received) adds +1 to up to four days of the same bucket key:
--   its reception day (received), its due day (due), its end-of-handling day (ended and ended_<timeliness>),
--   and the later of its due and end days (settled: "due and ended before day D", used for overdue-in-progress).
-- The key keeps what the dossier was received under (agency_path, procedure snapshot), so roll-ups never follow
-- today's hierarchy. multi_supplement = more than one supplement request (late / overdue whatever the dates).
-- New counters (digitization, online payment) are new columns with default 0 and a line in DayContribution.
create table report_day (
  bucket_day       date         not null,
  agency_path      varchar(400) not null,
  procedure_code   varchar(60)  not null,
  procedure_field  varchar(200) not null,
  channel          integer      not null,
  online_level     varchar(10)  not null,
  multi_supplement boolean      not null,
  received         bigint       not null default 0,
  ended            bigint       not null default 0,
  ended_early      bigint       not null default 0,
  ended_on_time    bigint       not null default 0,
  ended_late       bigint       not null default 0,
  due              bigint       not null default 0,
  settled          bigint       not null default 0,
  constraint uk_report_day unique (bucket_day, agency_path, procedure_code, procedure_field, channel, online_level,
                                   multi_supplement)
);

-- The judged instant's partial day is counted from the dossiers themselves, over the due-date index.
create index ix_dossier_due on dossier (due_at);

-- Dossiers that exist before this migration are counted once here; from now on the event listener keeps it up.
insert into report_day (bucket_day, agency_path, procedure_code, procedure_field, channel, online_level, multi_supplement,
                        received, ended, ended_early, ended_on_time, ended_late, due, settled)
select bucket_day, agency_path, procedure_code, procedure_field, channel, online_level, multi_supplement,
       sum(received), sum(ended), sum(ended_early), sum(ended_on_time), sum(ended_late), sum(due), sum(settled)
from (
  select cast(received_at as date) as bucket_day, agency_path, procedure_code, procedure_field, channel, online_level,
         supplement_count > 1 as multi_supplement,
         1 as received, 0 as ended, 0 as ended_early, 0 as ended_on_time, 0 as ended_late, 0 as due, 0 as settled
  from dossier where received_at is not null
  union all
  select cast(due_at as date), agency_path, procedure_code, procedure_field, channel, online_level,
         supplement_count > 1, 0, 0, 0, 0, 0, 1, 0
  from dossier where received_at is not null and due_at is not null
  union all
  select cast(ended_at as date), agency_path, procedure_code, procedure_field, channel, online_level,
         supplement_count > 1, 0, 1,
         case when timeliness = 'EARLY' then 1 else 0 end,
         case when timeliness = 'ON_TIME' then 1 else 0 end,
         case when timeliness = 'LATE' then 1 else 0 end, 0, 0
  from dossier where received_at is not null and ended_at is not null
  union all
  select cast(greatest(due_at, ended_at) as date), agency_path, procedure_code, procedure_field, channel,
         online_level, supplement_count > 1, 0, 0, 0, 0, 0, 0, 1
  from dossier where received_at is not null and ended_at is not null and due_at is not null
) c
group by bucket_day, agency_path, procedure_code, procedure_field, channel, online_level, multi_supplement;
