-- The public portal (issue 6). One-time codes for employees and voters, customer recommendations that
-- wait for the customer's confirmation link, individual online votes and the fraud signals staff review.

-- A one-time code mailed to an employee (purpose NOMINATE, subject = employee number) or a voter
-- (purpose VOTE, subject = email). Only the code's hash is kept.
create table portal_code (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    purpose varchar(16) not null,
    subject varchar(200) not null,
    email varchar(200) not null,
    code_hash varchar(64) not null,
    attempts int not null,
    expires_at ${timestamp_type} not null,
    used_at ${timestamp_type},
    created_at ${timestamp_type} not null,
    client_ip varchar(64),
    constraint fk_portal_code_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};
create index ix_portal_code_subject on portal_code (campaign_id, purpose, subject);

-- A customer recommendation: registered as a nomination only when the customer opens the mailed link
-- before it expires. Only the token's hash is kept.
create table portal_recommendation (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    token_hash varchar(64) not null,
    award_code varchar(64) not null,
    employee_number varchar(64) not null,
    customer_name varchar(200) not null,
    customer_email varchar(200) not null,
    customer_phone varchar(64),
    reason ${lob_type} not null,
    expires_at ${timestamp_type} not null,
    confirmed_at ${timestamp_type},
    nomination_id bigint,
    created_at ${timestamp_type} not null,
    constraint uq_portal_recommendation_token unique (token_hash),
    constraint fk_portal_recommendation_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

-- One row per vote: one per verified email, entry and day (campaign time zone).
create table portal_vote (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    email varchar(200) not null,
    vote_date date not null,
    client_ip varchar(64) not null,
    cast_at ${timestamp_type} not null,
    constraint uq_portal_vote unique (campaign_id, nomination_id, email, vote_date),
    constraint fk_portal_vote_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_portal_vote_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};
create index ix_portal_vote_ip on portal_vote (campaign_id, client_ip, cast_at);

-- What looked like fraud (BURST: many votes from one address; DISPOSABLE_EMAIL: a throw-away domain).
-- Votes are still counted; staff read the signals over GET /api/campaigns/{id}/votes/signals.
create table portal_vote_signal (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    kind varchar(32) not null,
    client_ip varchar(64),
    email varchar(200),
    nomination_id bigint,
    detail varchar(500) not null,
    recorded_at ${timestamp_type} not null,
    constraint fk_portal_signal_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};
