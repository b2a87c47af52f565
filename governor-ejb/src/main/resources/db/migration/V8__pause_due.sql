-- When a pause became due (a budget spent, or a reservation refused); it takes effect once the
-- checkpoint grace is over. Cleared when it does, when the task resumes, and when a new budget
-- window starts for a task whose own budget is not spent.
ALTER TABLE task ADD COLUMN pause_due_at VARCHAR(30);
-- Why the pause became due: TASK or PACKAGE (a budget that only a raise helps) or PROJECT
-- (the project's window, which a reset frees). Kept while the task waits.
ALTER TABLE task ADD COLUMN pause_cause VARCHAR(16);
-- The task's typical call (p90 of its recent calls) as last measured: a waiting task needs at
-- least one more of those, whatever its estimate says.
ALTER TABLE task ADD COLUMN typical_step BIGINT;
-- What a scheduler resume resumed: the task, or the package it resumed with (a package resumes as
-- one unit and takes one slot of the rate limit).
ALTER TABLE scheduler_resume ADD COLUMN unit_id VARCHAR(36);
