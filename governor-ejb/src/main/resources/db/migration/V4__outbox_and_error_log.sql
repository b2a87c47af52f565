-- Webhook notifications are written here in the transaction of the change that caused them and
-- delivered by a timer; after the last retry a row stays as a dead letter.
CREATE TABLE webhook_outbox (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    project_id       VARCHAR(36)    NOT NULL REFERENCES project (id),
    event_type       VARCHAR(32)    NOT NULL,
    payload          TEXT           NOT NULL,
    state            VARCHAR(16)    NOT NULL,
    attempts         INTEGER        NOT NULL DEFAULT 0,
    next_attempt_at  VARCHAR(24)    NOT NULL,
    last_error       VARCHAR(1000),
    created_at       VARCHAR(24)    NOT NULL,
    delivered_at     VARCHAR(24)
);
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (state, next_attempt_at);
CREATE INDEX webhook_outbox_project_idx ON webhook_outbox (project_id, created_at);

-- Failed external calls and rejected input, for `token-gov errors` and the dashboard.
CREATE TABLE error_log (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    occurred_at  VARCHAR(24)    NOT NULL,
    kind         VARCHAR(32)    NOT NULL,
    source       VARCHAR(200)   NOT NULL,
    detail       VARCHAR(2000)  NOT NULL,
    project_id   VARCHAR(36)
);
CREATE INDEX error_log_time_idx ON error_log (occurred_at);

-- Transitions recorded within the same millisecond keep their order.
ALTER TABLE task_transition ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
