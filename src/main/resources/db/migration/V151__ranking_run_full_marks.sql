-- The full marks (满分) of each score source a ranking run used (DMN score-weights): final = Σ weight × score × 100 ÷ full marks.
alter table ranking_run add column full_marks varchar(2000);
