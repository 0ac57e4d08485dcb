-- A registration mailed again (new Message-ID, same organisation and members): the package and the team it
-- repeats, so the receipt says when the team registered instead of registering a second team (issue 14 point 11).
create table contest_team_repeat (
    intake_package_id bigint primary key,
    team_id bigint not null,
    constraint fk_contest_team_repeat_team foreign key (team_id) references contest_team (id)
) ${table_options};
