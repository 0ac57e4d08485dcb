-- The committee member who chairs a campaign's committee (issue 13): a candidate of the 调查异议 task beside the
-- operators. Per campaign, from the organisation file's 委员会主任 column or the console; at most one.
alter table org_committee_member add column chair boolean default false not null;
