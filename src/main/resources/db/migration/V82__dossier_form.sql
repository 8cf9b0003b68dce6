-- Interactive e-forms (issue 18): the declaration (tờ khai) filled in as an e-form, kept with its dossier as the JSON
-- the applicant sent (corrected at reception, if a clerk did), and the definition (config/forms/<key>.yml) it was
-- filled in with. JSON text in a varchar: the same migration runs on H2 and PostgreSQL, and the data is read and
-- written whole, never queried inside.
alter table dossier add column form_key varchar(100);
alter table dossier add column form_data varchar(100000);
