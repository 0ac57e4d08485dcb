-- Which Camunda user heads which department: department heads nominate their own staff.
create table department_head (
    department varchar(64) not null primary key,
    user_id varchar(64) not null
) ${table_options};
