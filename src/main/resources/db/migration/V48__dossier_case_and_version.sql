-- Procedure cases and versions in force (issue 15): a dossier names the case (trường hợp) it was submitted under, or
-- the clerk chose at reception, and the catalogue version it is bound to (the day that version came into force; null
-- for a first version in force since ever). Existing dossiers keep null in both: the first version, its one case.
alter table dossier add column case_code varchar(50);
alter table dossier add column procedure_valid_from date;
