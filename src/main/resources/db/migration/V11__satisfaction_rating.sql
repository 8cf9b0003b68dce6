-- The applicant's satisfaction rating (đánh giá mức độ hài lòng) of a returned dossier: 1-5 and an optional comment,
-- given once; also written on the processing-control slip.
alter table dossier add column satisfaction_rating integer;
alter table dossier add column satisfaction_comment varchar(1000);
alter table dossier add column rated_at timestamp;
