-- Package intake (issue 4): emailed unit packages, their stored originals, and the IMAP poll lease.
-- Placeholders as in V1__domain.sql, so the script runs on H2 and MySQL/MariaDB.

-- One unit's package for a campaign; follows resubmissions (several messages) until it is closed.
create table intake_package (
    id bigint auto_increment primary key,
    campaign_id bigint,
    unit_name varchar(200),
    unit_id bigint,
    sender varchar(320) not null,
    status varchar(24) not null,
    process_instance_id varchar(64),
    problems ${lob_type},
    created_at ${timestamp_type} not null,
    updated_at ${timestamp_type} not null
) ${table_options};

create index ix_intake_package_campaign on intake_package (campaign_id, status);

-- Every message received in the intake mailbox; message_id is unique so a message is processed once.
create table intake_message (
    id bigint auto_increment primary key,
    message_id varchar(500) not null,
    package_id bigint,
    sender varchar(320) not null,
    subject varchar(1000),
    body_text ${lob_type},
    received_at ${timestamp_type} not null,
    eml_sha256 varchar(64) not null,
    eml_location varchar(500) not null,
    eml_size bigint not null,
    status varchar(16) not null,
    constraint uk_intake_message_id unique (message_id),
    constraint fk_intake_message_package foreign key (package_id) references intake_package (id)
) ${table_options};

create index ix_intake_message_status on intake_message (status);

-- Mail attachments and unpacked archive entries, all kept in the file store by sha256.
create table intake_file (
    id bigint auto_increment primary key,
    message_id bigint not null,
    origin varchar(16) not null,
    path varchar(1000) not null,
    content_type varchar(200),
    size_bytes bigint not null,
    sha256 varchar(64) not null,
    storage_location varchar(500) not null,
    constraint fk_intake_file_message foreign key (message_id) references intake_message (id)
) ${table_options};

create index ix_intake_file_message on intake_file (message_id);

-- The applicants a package registered, with the summary-table details the nomination has no place for.
create table intake_applicant (
    id bigint auto_increment primary key,
    package_id bigint not null,
    campaign_id bigint not null,
    unit_id bigint not null,
    nomination_id bigint not null,
    position_no int not null,
    name varchar(200) not null,
    job_title varchar(200),
    mobile varchar(64),
    email varchar(320),
    award_code varchar(64) not null,
    award_name varchar(200) not null,
    constraint fk_intake_applicant_package foreign key (package_id) references intake_package (id)
) ${table_options};

create index ix_intake_applicant_campaign on intake_applicant (campaign_id, unit_id);

-- Only the node holding the lease polls the mailbox.
create table intake_lease (
    name varchar(64) primary key,
    owner varchar(200) not null,
    expires_at ${timestamp_type} not null
) ${table_options};
