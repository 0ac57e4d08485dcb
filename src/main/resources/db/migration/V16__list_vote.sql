-- The committee's confirmation vote on an association campaign's prize list (issue 5, judging process): the
-- prizes each listed entry stands for, in ranking order. The lifecycle's vote counter reads it instead of the
-- nomination's own award when it has rows for the campaign.
create table list_vote_award (
    campaign_id bigint not null,
    nomination_id bigint not null,
    award_code varchar(64) not null,
    position int not null,
    primary key (campaign_id, nomination_id, award_code),
    constraint fk_list_vote_award_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_list_vote_award_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};
