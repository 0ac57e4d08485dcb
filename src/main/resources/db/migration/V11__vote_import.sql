-- Every vote file uploaded to POST /api/campaigns/{id}/votes/import (issue 5), stored in the file store before
-- it is read, with what became of it: the counts it set (online_vote_count, source 'import') or why not.
create table vote_import (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    file_name varchar(500) not null,
    sha256 varchar(64) not null,
    storage_location varchar(500) not null,
    size_bytes bigint not null,
    uploaded_by varchar(64) not null,
    uploaded_at ${timestamp_type} not null,
    rows_read int not null,
    imported int not null,
    rejected int not null,
    fatal varchar(1000),
    constraint fk_vote_import_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};
