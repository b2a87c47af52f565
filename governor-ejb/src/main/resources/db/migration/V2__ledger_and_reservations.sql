-- The usage ledger, reservations, budget-window counters and checkpoints (TokenInspector).

CREATE TABLE usage_event (
    event_id               VARCHAR(200)  NOT NULL PRIMARY KEY,
    task_id                VARCHAR(36)   NOT NULL REFERENCES task (id),
    agent_id               VARCHAR(36)   REFERENCES agent (id),
    project_id             VARCHAR(36)   NOT NULL REFERENCES project (id),
    occurred_at            VARCHAR(24)   NOT NULL,
    model                  VARCHAR(200),
    input_tokens           BIGINT        NOT NULL,
    output_tokens          BIGINT        NOT NULL,
    cache_creation_tokens  BIGINT        NOT NULL,
    cache_read_tokens      BIGINT        NOT NULL,
    total_tokens           BIGINT        NOT NULL,
    cost_usd               DOUBLE PRECISION,
    source                 VARCHAR(32)   NOT NULL,
    reservation_id         VARCHAR(36),
    recorded_at            VARCHAR(24)   NOT NULL
);
CREATE INDEX usage_event_task_idx ON usage_event (task_id, occurred_at);
CREATE INDEX usage_event_project_idx ON usage_event (project_id, occurred_at);

-- Tokens a project spent per budget window (window_start is the window's first instant).
CREATE TABLE project_window (
    project_id    VARCHAR(36)  NOT NULL REFERENCES project (id),
    window_start  VARCHAR(24)  NOT NULL,
    used_tokens   BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, window_start)
);

CREATE TABLE reservation (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    task_id     VARCHAR(36)  NOT NULL REFERENCES task (id),
    project_id  VARCHAR(36)  NOT NULL REFERENCES project (id),
    package_id  VARCHAR(36)  REFERENCES task_package (id),
    tokens      BIGINT       NOT NULL CHECK (tokens > 0),
    state       VARCHAR(16)  NOT NULL,
    created_at  VARCHAR(24)  NOT NULL,
    expires_at  VARCHAR(24)  NOT NULL,
    closed_at   VARCHAR(24)
);
CREATE INDEX reservation_open_idx ON reservation (state, expires_at);
CREATE INDEX reservation_task_idx ON reservation (task_id, state);

ALTER TABLE agent ADD COLUMN used_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_package ADD COLUMN used_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task_package ADD COLUMN reserved_tokens BIGINT NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN paused_without_checkpoint INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN threshold DOUBLE PRECISION;
ALTER TABLE project ADD COLUMN threshold_default DOUBLE PRECISION;
ALTER TABLE project ADD COLUMN threshold_min DOUBLE PRECISION;
ALTER TABLE project ADD COLUMN threshold_max DOUBLE PRECISION;
ALTER TABLE task ADD COLUMN checkpoint_requested_at VARCHAR(24);

-- Every checkpoint asked for, and what the agent saved.
CREATE TABLE checkpoint (
    id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    task_id       VARCHAR(36)    NOT NULL REFERENCES task (id),
    reason        VARCHAR(32)    NOT NULL,
    requested_at  VARCHAR(24)    NOT NULL,
    saved_at      VARCHAR(24),
    uri           VARCHAR(2000),
    size_bytes    BIGINT,
    summary       VARCHAR(4000)
);
CREATE INDEX checkpoint_task_idx ON checkpoint (task_id, requested_at);
