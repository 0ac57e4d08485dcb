-- Tables of the award-selection lifecycle (issue 3).

-- The department a Camunda user belongs to: a committee member never reviews a candidate of their own department.
create table user_department (
    user_id varchar(64) not null primary key,
    department varchar(64) not null
) ${table_options};

alter table nomination add column rule_verdict varchar(16);
alter table nomination add column rule_reason varchar(500);
alter table nomination add column override_reason varchar(1000);
alter table nomination add column missing_materials varchar(1000);
alter table nomination add column initial_score decimal(8, 3);
alter table nomination add column group_rank int;
alter table nomination add column re_review_score decimal(8, 3);

-- Confidentiality agreement and recusal declaration signed by a committee member before reviewing.
create table committee_declaration (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    member_id varchar(64) not null,
    confidentiality_signed boolean not null,
    signed_at ${timestamp_type} not null,
    constraint uk_declaration unique (campaign_id, member_id),
    constraint fk_declaration_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create table recusal (
    campaign_id bigint not null,
    member_id varchar(64) not null,
    nomination_id bigint not null,
    primary key (campaign_id, member_id, nomination_id),
    constraint fk_recusal_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

create table re_review_score (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    member_id varchar(64) not null,
    interview_score int not null,
    case_score int not null,
    cases_authentic boolean not null,
    remarks varchar(1000),
    scored_at ${timestamp_type} not null,
    constraint uk_re_review unique (nomination_id, member_id),
    constraint fk_re_review_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

-- Anonymous ballots: a random id, the finalist and the choice; no voter, no time, no order.
create table ballot (
    id varchar(36) not null primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    approve boolean not null
) ${table_options};

create index ix_ballot_nomination on ballot (nomination_id);

-- Who has voted (never what).
create table ballot_receipt (
    campaign_id bigint not null,
    member_id varchar(64) not null,
    primary key (campaign_id, member_id)
) ${table_options};

create table award_result (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    award_code varchar(64) not null,
    nomination_id bigint not null,
    approvals int not null,
    entitled_voters int not null,
    status varchar(16) not null,
    note varchar(500),
    constraint fk_result_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

create table award_outcome (
    campaign_id bigint not null,
    award_code varchar(64) not null,
    winners_quota int,
    winners int not null,
    short_of_quota boolean not null,
    primary key (campaign_id, award_code)
) ${table_options};

create table objection (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    objector_name varchar(100) not null,
    objector_contact varchar(200) not null,
    reason ${lob_type} not null,
    status varchar(16) not null,
    decision_reason varchar(2000),
    decided_by varchar(64),
    raised_at ${timestamp_type} not null,
    decided_at ${timestamp_type},
    constraint fk_objection_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};
