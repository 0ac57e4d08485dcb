-- Issue 16: the public vote at scale.
--
-- portal_vote_count: the portal's counts as sharded counters. A vote adds 1 to one of a few rows of its entry
-- (UPDATE ... SET votes = votes + 1, shard picked at random) in the transaction that inserts its portal_vote
-- row, so the count is exact (both commit or neither) and concurrent votes for one entry rarely wait for
-- each other's row lock. Replaces the 'portal' rows of online_vote_count, which were re-tallied from every
-- vote on every vote.
create table portal_vote_count (
    campaign_id bigint not null,
    nomination_id bigint not null,
    shard int not null,
    votes bigint not null,
    primary key (campaign_id, nomination_id, shard),
    constraint fk_portal_count_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_portal_count_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};
insert into portal_vote_count (campaign_id, nomination_id, shard, votes)
    select campaign_id, nomination_id, 0, votes from online_vote_count where source = 'portal';
delete from online_vote_count where source = 'portal';

-- The fraud signal "one address, many votes" looks up its open burst flag by address and time.
create index ix_portal_signal_ip on portal_vote_signal (campaign_id, kind, client_ip, recorded_at);

-- Portal limits shared by every node: Bucket4j token buckets (state serialised by Bucket4j), one row per
-- key (what is limited, the campaign and the client address or mailbox).
create table portal_limit_bucket (
    id varchar(255) not null primary key,
    state varbinary(2048),
    expires_at bigint
) ${table_options};
