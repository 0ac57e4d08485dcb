-- Poison mails (issue 15): a message that cannot be read is kept with status SET_ASIDE and the reason for
-- staff; dispatch failures are counted so one bad message cannot hold up the others forever.
-- The content hash is looked up before storing, so a message seen twice (with or without a Message-ID) is one row.
alter table intake_message add column problem varchar(2000);
alter table intake_message add column dispatch_attempts int default 0 not null;
create index ix_intake_message_sha on intake_message (eml_sha256);
