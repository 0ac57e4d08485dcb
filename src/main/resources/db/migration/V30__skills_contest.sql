-- Team skills contest (issue 7, preset service-skills-cup-2022): teams of three, rounds of matches, prizes.
-- Placeholders as in V1__domain.sql, so the script runs on H2 and MySQL/MariaDB.

-- A registered team. status: REGISTERED (waits for screening), ACTIVE (accepted, still playing), REJECTED,
-- ELIMINATED, WITHDRAWN. standing: the team's seed for the next draw (1 = best), from the last round played.
create table contest_team (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    name varchar(200) not null,
    organisation varchar(200) not null,
    contact_email varchar(320) not null,
    source varchar(16) not null,
    status varchar(16) not null,
    standing int,
    rejection_reason varchar(1000),
    screened_by varchar(64),
    withdrawal_reason varchar(1000),
    withdrawal_notified boolean not null default false,
    registered_at ${timestamp_type} not null,
    constraint uk_contest_team_name unique (campaign_id, name),
    constraint fk_contest_team_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create table contest_member (
    id bigint auto_increment primary key,
    team_id bigint not null,
    position_no int not null,
    name varchar(100) not null,
    email varchar(320),
    mobile varchar(32),
    constraint fk_contest_member_team foreign key (team_id) references contest_team (id)
) ${table_options};

-- One round of the contest. stage: PRELIMINARY, SEMIFINAL, FINAL.
create table contest_round (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    number_no int not null,
    stage varchar(16) not null,
    name varchar(100) not null,
    status varchar(16) not null,
    drawn_at ${timestamp_type} not null,
    published_at ${timestamp_type},
    constraint uk_contest_round unique (campaign_id, number_no),
    constraint fk_contest_round_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

-- A group (semifinal, preliminary) or a pairing (final) of a round. kind: GROUP, KNOCKOUT, FINAL, THIRD_PLACE, BYE.
create table contest_match (
    id bigint auto_increment primary key,
    round_id bigint not null,
    position_no int not null,
    kind varchar(16) not null,
    status varchar(16) not null,
    scored_by varchar(64),
    constraint fk_contest_match_round foreign key (round_id) references contest_round (id)
) ${table_options};

-- A team in a match: its seed in the draw, stage scores (0-100 each), weighted total, place in the match
-- and outcome (ADVANCED, ELIMINATED, BYE, WITHDRAWN, WON, LOST, PLAYED).
create table contest_entry (
    id bigint auto_increment primary key,
    match_id bigint not null,
    team_id bigint not null,
    seed int not null,
    theory decimal(6, 2),
    lookup decimal(6, 2),
    role_play decimal(6, 2),
    total decimal(8, 3),
    place int,
    outcome varchar(16),
    constraint uk_contest_entry unique (match_id, team_id),
    constraint fk_contest_entry_match foreign key (match_id) references contest_match (id),
    constraint fk_contest_entry_team foreign key (team_id) references contest_team (id)
) ${table_options};

create index ix_contest_entry_team on contest_entry (team_id);

-- Prizes (award codes of the preset) and certificates. A team prize has no member; best-individual has one.
create table contest_award (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    kind varchar(16) not null,
    award_code varchar(64) not null,
    team_id bigint not null,
    member_id bigint,
    awarded_at ${timestamp_type} not null,
    constraint uk_contest_award unique (campaign_id, kind, award_code, team_id),
    constraint fk_contest_award_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_contest_award_team foreign key (team_id) references contest_team (id)
) ${table_options};
