-- A task's priority tier (1 high, 2 low); it starts as its project's tier. Tier-2 work yields first.
ALTER TABLE task ADD COLUMN tier INTEGER;
UPDATE task SET tier = (SELECT p.tier FROM project p WHERE p.id = task.project_id);
