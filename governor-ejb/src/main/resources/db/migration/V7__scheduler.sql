-- The scheduler: queued tasks are tasks in state QUEUED; these tables hold the rules in force, the
-- predictions for queued tasks and every resume (with what had been predicted), so accuracy can be measured.
CREATE TABLE scheduler_rules (
    id          INTEGER       NOT NULL PRIMARY KEY,
    rules       VARCHAR(2000) NOT NULL,
    updated_at  VARCHAR(24)   NOT NULL
);

ALTER TABLE task ADD COLUMN queued_at VARCHAR(24);
ALTER TABLE task ADD COLUMN predicted_resume_at VARCHAR(24);
ALTER TABLE task ADD COLUMN predicted_tokens BIGINT;
ALTER TABLE task ADD COLUMN prediction VARCHAR(24);
ALTER TABLE task ADD COLUMN resumes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN paused_after_resume INTEGER NOT NULL DEFAULT 0;

CREATE TABLE scheduler_resume (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    task_id             VARCHAR(36)  NOT NULL REFERENCES task (id),
    project_id          VARCHAR(36)  NOT NULL REFERENCES project (id),
    resumed_at          VARCHAR(24)  NOT NULL,
    queued_at           VARCHAR(24),
    predicted_at        VARCHAR(24),
    predicted_tokens    BIGINT,
    tokens_available    BIGINT       NOT NULL,
    manual              INTEGER      NOT NULL,
    forced              INTEGER      NOT NULL
);
CREATE INDEX scheduler_resume_time_idx ON scheduler_resume (resumed_at);
CREATE INDEX task_queued_idx ON task (state, queued_at);
