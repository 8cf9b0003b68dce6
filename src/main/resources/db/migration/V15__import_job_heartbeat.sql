-- When an import last made progress: a RUNNING job that has made none for a while ran on a node that stopped.
alter table import_job add column heartbeat_at timestamp;
update import_job set heartbeat_at = coalesce(finished_at, started_at);
