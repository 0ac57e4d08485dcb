-- The weights of a ranking run, kept with the run too, so a run without entries still shows what it used.
alter table ranking_run add column weights varchar(2000);
