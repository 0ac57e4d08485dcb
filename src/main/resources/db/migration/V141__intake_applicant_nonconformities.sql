-- Nonconformities an entry was registered with (seed 001 规范性: one point off each, floor 0), one per line;
-- the conformity review starts from them (issue 14 point 2).
alter table intake_applicant add column nonconformities varchar(4000);
