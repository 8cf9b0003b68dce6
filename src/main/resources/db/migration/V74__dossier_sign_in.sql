-- How the submitter of an online dossier signed in (issue 19): the provider ('local' for a password account, else the
-- OpenID Connect provider's id), the assurance level it stated, and whether it is the national e-identity (VNeID).
-- Dossiers entered at the counter, imported, and online ones from before this version have none (not verified).
alter table dossier add column sign_in_provider varchar(64);
alter table dossier add column sign_in_assurance integer;
alter table dossier add column vneid_verified boolean default false not null;

-- The counter behind the summary's vneidVerifiedRate: received online dossiers whose submitter was VNeID-verified,
-- by reception day like `received` (org.motcua.reporting.DayContribution). Nothing to back-fill: no dossier before
-- this version was submitted through an identity provider.
alter table report_day add column received_vneid bigint default 0 not null;

-- The reporting read model gains the flag (V47; a view's columns cannot be changed by create or replace).
drop view dossier_facts;
create view dossier_facts as
select code, procedure_code, procedure_field, online_level, fee_vnd, agency_code, agency_path, channel, status,
       submitted_at, received_at, due_at, finished_at, returned_at, ended_at, timeliness, supplement_count,
       duration_unit, components_digitized, components_supplied, components_reused, result_digitized, paid_online,
       stop_reason, vneid_verified
from dossier;
