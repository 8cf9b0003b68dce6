-- Whose personal e-data warehouse (kho dữ liệu điện tử) a dossier draws from and adds to (issue 14). Online it is the
-- submitting account's own identity number, never a number typed in the request; at the counter it is the applicant's,
-- as the clerk verified it. Null: no warehouse (an account without an identity number).
alter table dossier add column warehouse_id_number varchar(20);

update dossier set warehouse_id_number =
  (select u.id_number from app_user u where u.username = dossier.owner_username)
  where channel = 2;
update dossier set warehouse_id_number = applicant_id_number where channel <> 2;
