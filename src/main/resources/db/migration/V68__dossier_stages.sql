-- Inter-agency procedures (liên thông): where the dossier is in its chain of agencies, and which agencies it reached.
alter table dossier add column stage_number integer;
alter table dossier add column stage_count integer;
alter table dossier add column stage_agency_code varchar(40);
alter table dossier add column stage_name varchar(300);
alter table dossier add column stage_due_at timestamp;
alter table dossier add column stage_agencies varchar(1000);
-- The agency paths of those agencies, joined: supervisors above a stage's agency read the dossier too.
alter table dossier add column stage_agency_paths varchar(4000);
-- When the current stage's agency attached its result (văn bản kết quả giai đoạn), handed to the next stage.
alter table dossier add column stage_result_at timestamp;
