-- Online-vote counts per entry (nomination), one row per source: 'import' (CSV from a voting platform,
-- POST /api/campaigns/{id}/votes/import) or 'portal' (Laurel's own public vote pages). Scoring reads the
-- sum over the sources; a source replaces its own rows as a whole, so a re-import never double counts.
create table online_vote_count (
    campaign_id bigint not null,
    nomination_id bigint not null,
    source varchar(16) not null,
    votes bigint not null,
    updated_at ${timestamp_type} not null,
    primary key (campaign_id, nomination_id, source),
    constraint fk_vote_count_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_vote_count_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};
