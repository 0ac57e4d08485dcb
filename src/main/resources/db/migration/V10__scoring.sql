-- Association scoring (issue 5): how a campaign's judge scores and online votes become a ranked, prize-assigned
-- list. Everything here is derived from judge_score, entry_conformity and online_vote_count (V6, V7) except the
-- staff inputs (scoring_setting, unit_activity, unit prize confirmations), so EntryRanking can recompute it.

-- The normalisation of judges' totals chosen for a campaign: 'none' (plain mean) or 'z-score' (per judge,
-- rescaled to the panel's pooled mean and spread). A campaign without a row uses 'none'.
create table scoring_setting (
    campaign_id bigint not null primary key,
    normalisation varchar(16) not null,
    changed_by varchar(64),
    changed_at ${timestamp_type} not null,
    constraint fk_scoring_setting_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

-- One computation of a campaign's results: the method and the DMN decision definitions (id = key:version:...)
-- it used, and per judge the figures of the normalisation (JSON). entry_result rows belong to the latest run.
create table ranking_run (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    normalisation varchar(16) not null,
    weights_decision varchar(100) not null,
    vote_points_decision varchar(100) not null,
    quota_decision varchar(100) not null,
    judge_parameters ${lob_type} not null,
    computed_at ${timestamp_type} not null,
    constraint fk_ranking_run_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

-- One ranked entry. ranking_group is the award whose list the entry is ranked in ('entry' for the essay
-- contest, each award for most-beautiful-cs-2019). source_scores is JSON {source: score} of the sources the
-- weights name (expert, audience, panel, onlineVote or indicator codes), weights JSON {source: weight},
-- judges JSON: each judge's criterion points, total and normalised total for this entry.
create table entry_result (
    campaign_id bigint not null,
    nomination_id bigint not null,
    run_id bigint not null,
    ranking_group varchar(64) not null,
    source_scores varchar(2000) not null,
    weights varchar(2000) not null,
    judges ${lob_type} not null,
    final_score decimal(12, 4) not null,
    tie_expert decimal(12, 4),
    tie_thought decimal(12, 4),
    vote_count bigint not null,
    vote_rank int not null,
    vote_points decimal(8, 2) not null,
    position int not null,
    prizes varchar(300),
    normalisation varchar(16) not null,
    primary key (campaign_id, nomination_id),
    constraint fk_entry_result_run foreign key (run_id) references ranking_run (id),
    constraint fk_entry_result_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

-- Promotion activity of a member unit, entered by association staff (seed 001: forwards and reads of the
-- WeChat posts, guidance of the unit's entrants), one input of the unit prizes.
create table unit_activity (
    campaign_id bigint not null,
    unit_id bigint not null,
    forwards int not null,
    readers int not null,
    guidance_score decimal(6, 2) not null,
    note varchar(1000),
    entered_by varchar(64) not null,
    entered_at ${timestamp_type} not null,
    primary key (campaign_id, unit_id),
    constraint fk_unit_activity_unit foreign key (unit_id) references member_unit (id)
) ${table_options};

-- Unit prizes (最佳团队奖, 最佳组织奖, 最具凝聚力奖): proposed by EntryRanking from the unit figures, then
-- confirmed or rejected by staff (who, when). A recomputation replaces the proposals but keeps decisions.
create table unit_prize (
    campaign_id bigint not null,
    award_code varchar(64) not null,
    unit_id bigint not null,
    proposal_rank int not null,
    entries int not null,
    mean_final_score decimal(12, 4),
    best_position int,
    forwards int not null,
    readers int not null,
    guidance_score decimal(6, 2) not null,
    status varchar(16) not null,
    decided_by varchar(64),
    decided_at ${timestamp_type},
    primary key (campaign_id, award_code, unit_id),
    constraint fk_unit_prize_unit foreign key (unit_id) references member_unit (id)
) ${table_options};
