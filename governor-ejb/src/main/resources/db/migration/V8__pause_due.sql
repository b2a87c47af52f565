-- When a pause became due (a budget spent, or a reservation refused); it takes effect once the
-- checkpoint grace is over. Cleared when it does, when the task resumes, and when a new budget
-- window starts for a task whose own budget is not spent.
ALTER TABLE task ADD COLUMN pause_due_at VARCHAR(30);
-- Why the pause became due: OWN (the task's or its package's budget, which only a raise helps)
-- or PROJECT (the project's window, which a reset frees). Kept while the task waits.
ALTER TABLE task ADD COLUMN pause_cause VARCHAR(16);
-- The task's typical call (p90 of its recent calls) as last measured: a waiting task needs at
-- least one more of those, whatever its estimate says.
ALTER TABLE task ADD COLUMN typical_step BIGINT;
