-- The dossier side's read model for reporting (issue 20): one row per dossier, the facts every DossierChanged event
-- gives the counters (org.motcua.dossier.DossierFacts, in its order; each column is the field's name in snake case,
-- except field -> procedure_field as in report_day). Reporting's scans read dossiers only through this view
-- (org.motcua.dossier.DossierFactsView names it), so the dossier table can change in one place. A plain view:
-- PostgreSQL inlines it; H2 2.x pushes the readers' index conditions into it (received_at, ended_at, due_at, code).
-- PostgreSQL refuses to change the type of, or drop, a column a view uses: a later migration that does so drops the
-- view first and creates it again (create or replace view cannot change columns).
create view dossier_facts as
select code, procedure_code, procedure_field, online_level, fee_vnd, agency_code, agency_path, channel, status,
       submitted_at, received_at, due_at, finished_at, returned_at, ended_at, timeliness, supplement_count,
       duration_unit, components_digitized, components_supplied, components_reused, result_digitized, paid_online,
       stop_reason
from dossier;
