-- Judging of association campaigns (issue 5, judging process). Placeholders as in V1__domain.sql.

-- The member unit a judge works for, by unit name (units are registered per campaign, a judge's employer is
-- not): a judge never scores an entry of this unit.
create table judge_unit (
    user_id varchar(64) not null primary key,
    unit_name varchar(200) not null
) ${table_options};

-- Which judge of which panel scores which entry. status: ASSIGNED, SCORED, RECUSED (declared a conflict).
create table judge_assignment (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    judge_id varchar(64) not null,
    panel varchar(16) not null,
    status varchar(16) not null,
    constraint uk_judge_assignment unique (campaign_id, nomination_id, judge_id),
    constraint fk_judge_assignment_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_judge_assignment_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

create index ix_judge_assignment_judge on judge_assignment (campaign_id, judge_id);

-- A judge's confidentiality agreement and recusal declaration, signed before scoring.
create table judge_declaration (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    judge_id varchar(64) not null,
    panel varchar(16) not null,
    signed_at ${timestamp_type} not null,
    constraint uk_judge_declaration unique (campaign_id, judge_id),
    constraint fk_judge_declaration_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};
