-- Per-account storage quota (motcua.documents.max-account-bytes): the bytes of the files each account has uploaded,
-- kept as a running count so that checking the quota costs one row, not a sum over the account's documents.
-- Only citizens' uploads count (officers' scans are made for many applicants).
alter table app_user add column stored_bytes bigint default 0 not null;

update app_user set stored_bytes = (
  select coalesce(sum(d.size_bytes), 0) from document d where d.uploaded_by = app_user.username and d.source = 'UPLOAD')
where role = 'CITIZEN';
