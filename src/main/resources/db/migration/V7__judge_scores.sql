-- Association evaluation (issue 5). Two tables are the meeting point of the judging process (who scores what,
-- in Tasklist) and the scoring arithmetic (blend, ranking, prizes); both sides are written against them.

-- The conformity review (规范性) of an entry by association staff: 10 points minus one per nonconformity
-- (floor 0). The nonconformities found by intake are pre-filled; staff confirm or correct them.
create table entry_conformity (
    nomination_id bigint not null primary key,
    campaign_id bigint not null,
    nonconformities ${lob_type},
    nonconformity_count int not null,
    points decimal(6, 2) not null,
    confirmed_by varchar(64),
    confirmed_at ${timestamp_type},
    constraint fk_conformity_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_conformity_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

-- One judge's points for one criterion of one entry. panel: 'expert' or 'audience' (cs-essay-2018),
-- 'panel' (most-beautiful-cs-2019) or 'expert' (influential-cc-2020); criterion: a rubric or indicator code
-- of the preset (content, thought, innovation, conformity ...). A judge's score of an entry is the sum of
-- its criteria rows.
create table judge_score (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    judge_id varchar(64) not null,
    panel varchar(16) not null,
    criterion varchar(64) not null,
    points decimal(8, 2) not null,
    scored_at ${timestamp_type} not null,
    constraint uk_judge_score unique (nomination_id, judge_id, criterion),
    constraint fk_judge_score_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_judge_score_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

create index ix_judge_score_campaign on judge_score (campaign_id, panel);
