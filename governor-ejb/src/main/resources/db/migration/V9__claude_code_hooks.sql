-- When the Claude Code hooks last told the task's agent to write its checkpoint: the agent is told once
-- per checkpoint request (a request newer than this is told again).
ALTER TABLE task ADD COLUMN checkpoint_asked_at VARCHAR(30);
