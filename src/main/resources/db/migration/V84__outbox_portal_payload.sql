-- The national portal's sync (issue 16) sends the whole dossier at each change (files, fees, processing steps):
-- larger than the 4,000 characters a bare status event needed.
alter table outbox_event alter column payload set data type varchar(1000000);
-- The portal's resend (portal-resend) re-queues one topic's events of a period.
create index outbox_event_topic_created on outbox_event (topic, created_at);
