-- (no foreign key to employee: a roster re-import may replace employee rows; the nomination keeps the ids it had)
-- The members of a team nomination (seed 002 优秀服务团队): employees of the roster, in the order the head listed them.
create table team_member (
    id bigint auto_increment primary key,
    campaign_id bigint not null,
    nomination_id bigint not null,
    employee_id bigint not null,
    position_no int not null,
    constraint uk_team_member unique (nomination_id, employee_id),
    constraint fk_team_member_campaign foreign key (campaign_id) references campaign (id),
    constraint fk_team_member_nomination foreign key (nomination_id) references nomination (id)
) ${table_options};
