-- Ballot rows get random numeric ids (issue 3: nothing may link a member to a choice). H2 and InnoDB keep
-- a table's rows in the order of a single integer primary key. With the former random text id H2 kept
-- them in insertion order (its hidden _ROWID_), so each member's rows lay together in the order members
-- voted — the order ACT_HI_TASKINST records — and every ballot could be read back member by member.
-- (V5, not V4: V4 is the intake schema on main.)
create table ballot_numbered (
    id bigint not null primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    approve boolean not null
) ${table_options};

-- Ballots cast before this migration are renumbered at random as well.
insert into ballot_numbered (id, campaign_id, nomination_id, approve)
    select floor(rand() * 9000000000000000000), campaign_id, nomination_id, approve from ballot;

drop table ballot;

alter table ballot_numbered rename to ballot;

create index ix_ballot_nomination on ballot (nomination_id);
