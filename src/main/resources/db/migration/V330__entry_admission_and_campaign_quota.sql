-- Seed 003's 入门审核 (issue 14, point 10): association staff admit an entry to the experts (入围) or not
-- (不予入围, with the reason the organisation is told). Entries not admitted are not assigned to judges and not
-- ranked (their nomination is INELIGIBLE as well).
alter table entry_conformity add admitted boolean default true not null;
alter table entry_conformity add admission_reason varchar(1000);

-- The organisers' number of winners of an award in one campaign (seed 003: 入榜名单 — how many organisations
-- enter the list is the organisers' decision). Overrides the DMN award-quota's winnersQuota for that campaign.
create table campaign_award_quota (
    campaign_id bigint not null,
    award_code varchar(64) not null,
    winners int not null,
    set_by varchar(64) not null,
    set_at ${timestamp_type} not null,
    primary key (campaign_id, award_code),
    constraint fk_campaign_quota_campaign foreign key (campaign_id) references campaign (id)
) ${table_options};
