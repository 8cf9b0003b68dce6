-- A dossier keeps the components of the catalog version it was submitted under (JSON list of code, name, required).
alter table dossier add column component_snapshot varchar(8000);
