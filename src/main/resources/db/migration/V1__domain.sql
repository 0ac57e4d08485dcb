-- Laurel's own tables. Camunda creates and upgrades its ACT_* tables itself.
-- Placeholders (spring.flyway.placeholders.*) cover the few type names H2 and MySQL spell differently.

create table campaign (
    id bigint auto_increment primary key,
    preset_key varchar(64) not null,
    name varchar(200) not null,
    kind varchar(16) not null,
    status varchar(16) not null,
    time_zone varchar(64) not null,
    starts_on date not null,
    intake_mailbox varchar(200),
    preset_snapshot ${lob_type} not null,
    created_at ${timestamp_type} not null,
    created_by varchar(64)
) ${table_options};

create table campaign_milestone (
    campaign_id bigint not null,
    position int not null,
    code varchar(64) not null,
    name varchar(128) not null,
    starts_at ${timestamp_type} not null,
    ends_at ${timestamp_type},
    primary key (campaign_id, position),
    constraint fk_milestone_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create table award_category (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    position int not null,
    code varchar(64) not null,
    name varchar(128) not null,
    subject varchar(16) not null,
    prize varchar(300),
    prize_amount_yuan int,
    constraint uk_award_campaign_code unique (campaign_id, code),
    constraint fk_award_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create table employee (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    employee_number varchar(32) not null,
    name varchar(64) not null,
    department varchar(64) not null,
    position_group varchar(64) not null,
    hire_date date not null,
    employment_type varchar(16) not null,
    satisfaction_score decimal(6, 2),
    major_complaints_12m int not null,
    violations int not null,
    email varchar(200),
    mobile varchar(32),
    service_volume int,
    resolution_rate decimal(6, 2),
    avg_response_minutes decimal(8, 2),
    skills_test_score decimal(6, 2),
    constraint uk_employee_number unique (campaign_id, employee_number),
    constraint fk_employee_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create index ix_employee_department on employee (campaign_id, department);

create table employee_award_win (
    employee_id bigint not null,
    award_code varchar(64) not null,
    win_year int not null,
    primary key (employee_id, award_code, win_year),
    constraint fk_win_employee foreign key (employee_id) references employee (id)
) ${table_options};

create table member_unit (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    name varchar(200) not null,
    contact_name varchar(64),
    contact_phone varchar(32),
    contact_email varchar(200),
    constraint uk_unit_name unique (campaign_id, name),
    constraint fk_unit_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};

create table nomination (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    award_code varchar(64) not null,
    employee_id bigint,
    unit_id bigint,
    candidate_name varchar(200) not null,
    channel varchar(16) not null,
    nominator varchar(200) not null,
    nominator_contact varchar(200),
    reason ${lob_type},
    status varchar(24) not null,
    submitted_at ${timestamp_type} not null,
    constraint fk_nomination_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_nomination_employee foreign key (employee_id) references employee (id),
    constraint fk_nomination_unit foreign key (unit_id) references member_unit (id)
) ${table_options};

create index ix_nomination_campaign on nomination (campaign_id, award_code);

create table material (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    nomination_id bigint,
    kind varchar(64) not null,
    original_file_name varchar(500) not null,
    content_type varchar(200),
    size_bytes bigint not null,
    sha256 varchar(64) not null,
    storage_location varchar(500) not null,
    received_at ${timestamp_type} not null,
    constraint fk_material_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_material_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};

create index ix_material_nomination on material (nomination_id);

-- Every mail Laurel sends is written here first, in the business transaction; a sender delivers it
-- afterwards and retries, so a mail server outage neither loses mail nor rolls back business data.
create table mail_outbox (
    id bigint auto_increment primary key,
    recipient varchar(500) not null,
    subject varchar(500) not null,
    template varchar(100) not null,
    body ${lob_type} not null,
    status varchar(16) not null,
    attempts int not null,
    last_error varchar(1000),
    created_at ${timestamp_type} not null,
    next_attempt_at ${timestamp_type} not null,
    sent_at ${timestamp_type},
    version bigint not null
) ${table_options};

create index ix_outbox_due on mail_outbox (status, next_attempt_at);
