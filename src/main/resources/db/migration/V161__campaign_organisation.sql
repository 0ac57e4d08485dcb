-- Who takes part in a campaign, per campaign (issue 13): two campaigns may run at once with different
-- department heads, committees and judges. The global department_head / judge_unit tables stay as the
-- demo's fallback for campaigns that have no organisation of their own.
create table org_department_head (
    campaign_id bigint not null,
    department varchar(64) not null,
    user_id varchar(64) not null,
    primary key (campaign_id, department),
    constraint uk_org_head_user unique (campaign_id, user_id),
    constraint fk_org_head_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create table org_committee_member (
    campaign_id bigint not null,
    user_id varchar(64) not null,
    role varchar(24) not null,
    primary key (campaign_id, user_id),
    constraint fk_org_committee_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create table org_judge (
    campaign_id bigint not null,
    user_id varchar(64) not null,
    panel varchar(16) not null,
    unit_name varchar(200),
    primary key (campaign_id, user_id),
    constraint fk_org_judge_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

-- One-time links to set a password; only the SHA-256 of the token is stored.
create table user_invitation (
    token_hash varchar(64) not null primary key,
    user_id varchar(64) not null,
    created_at ${timestamp_type} not null,
    expires_at ${timestamp_type} not null,
    used_at ${timestamp_type}
) ${table_options};

create index ix_user_invitation_user on user_invitation (user_id);

-- An operator ended a waiting phase early or extended it: who, when, why (shown in the campaign's history).
create table operator_action (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    action varchar(16) not null,
    activity_name varchar(200) not null,
    previous_due ${timestamp_type},
    new_due ${timestamp_type},
    reason varchar(1000) not null,
    actor varchar(64) not null,
    acted_at ${timestamp_type} not null,
    constraint fk_operator_action_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create index ix_operator_action_campaign on operator_action (campaign_id, acted_at);
