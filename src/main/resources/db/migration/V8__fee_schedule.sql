-- Fee schedules (issue 4): when a dossier's fee is due, and the lines it was computed from.
alter table dossier add column fee_due varchar(16) default 'BEFORE_RESULT' not null;
alter table dossier add column fee_detail varchar(2000);
