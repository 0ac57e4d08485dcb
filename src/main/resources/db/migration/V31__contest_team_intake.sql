-- Teams registered by email (issue 7): the intake package they came from, so a retried job registers them once
-- and the receipt lists their members.
alter table contest_team add column intake_package_id bigint;
create index ix_contest_team_package on contest_team (intake_package_id);
