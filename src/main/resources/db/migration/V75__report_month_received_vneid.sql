-- report_month keeps every counter of report_day (V69), so it gains V74's received_vneid too. Nothing to back-fill:
-- V74 added the day counter with nothing in it.
alter table report_month add column received_vneid bigint default 0 not null;
