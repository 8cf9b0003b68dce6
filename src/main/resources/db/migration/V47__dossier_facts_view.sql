-- The dossier side's read model for reporting (issue 20): one row per dossier, the facts every DossierChanged event
-- gives the counters (org.motcua.dossier.DossierFacts, in its order; the column is the field's name in snake case,
-- except field -> procedure_field as in report_day), plus procedure_name, the catalog snapshot the register shows.
-- Reporting reads dossiers only through this view (org.motcua.dossier.DossierFactsView names it), so the dossier
-- table can change in one place. A plain view: H2 2.x and PostgreSQL push the readers' conditions into it and use
-- the dossier indexes (received_at, ended_at, due_at, code) as on the table itself.
-- PostgreSQL refuses to change the type of, or drop, a column a view uses: a later migration that does so drops the
-- view first and creates it again (create or replace view cannot change columns).
create view dossier_facts as
select code, procedure_code, procedure_field, online_level, fee_vnd, agency_code, agency_path, channel, status,
       submitted_at, received_at, due_at, finished_at, returned_at, ended_at, timeliness, supplement_count,
       duration_unit, components_digitized, components_supplied, components_reused, result_digitized, paid_online,
       stop_reason, procedure_name
from dossier;
