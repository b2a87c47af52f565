-- The registry: projects, agents, task packages, tasks and the history of task states.
-- Portable SQL (SQLite and PostgreSQL): ids are UUID text, instants fixed-width UTC text.

CREATE TABLE project (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    owner           VARCHAR(200)  NOT NULL,
    tier            INTEGER       NOT NULL CHECK (tier IN (1, 2)),
    token_budget    BIGINT        NOT NULL CHECK (token_budget >= 0),
    budget_window   VARCHAR(16)   NOT NULL,
    soft_limit      BIGINT,
    webhook_url     VARCHAR(2000),
    webhook_secret  VARCHAR(500),
    used_tokens     BIGINT        NOT NULL DEFAULT 0,
    reserved_tokens BIGINT        NOT NULL DEFAULT 0,
    created_at      VARCHAR(24)   NOT NULL,
    updated_at      VARCHAR(24)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX project_name_idx ON project (name);

CREATE TABLE agent (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id  VARCHAR(36)  NOT NULL REFERENCES project (id),
    agent_type  VARCHAR(100),
    created_at  VARCHAR(24)  NOT NULL
);
CREATE INDEX agent_project_idx ON agent (project_id);

CREATE TABLE task_package (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id        VARCHAR(36)  NOT NULL REFERENCES project (id),
    estimated_tokens  BIGINT       NOT NULL CHECK (estimated_tokens >= 0),
    priority          INTEGER      NOT NULL,
    not_before        VARCHAR(24),
    deadline          VARCHAR(24),
    created_at        VARCHAR(24)  NOT NULL,
    updated_at        VARCHAR(24)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX task_package_project_idx ON task_package (project_id);

CREATE TABLE task (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    project_id        VARCHAR(36)   NOT NULL REFERENCES project (id),
    agent_id          VARCHAR(36)   REFERENCES agent (id),
    package_id        VARCHAR(36)   REFERENCES task_package (id),
    parent_task_id    VARCHAR(36)   REFERENCES task (id),
    complexity        VARCHAR(16)   NOT NULL,
    estimated_tokens  BIGINT        NOT NULL CHECK (estimated_tokens >= 0),
    token_budget      BIGINT        NOT NULL CHECK (token_budget >= 0),
    used_tokens       BIGINT        NOT NULL DEFAULT 0,
    reserved_tokens   BIGINT        NOT NULL DEFAULT 0,
    state             VARCHAR(16)   NOT NULL,
    checkpoint_state  VARCHAR(16)   NOT NULL,
    description       VARCHAR(4000),
    created_at        VARCHAR(24)   NOT NULL,
    updated_at        VARCHAR(24)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX task_project_state_idx ON task (project_id, state);
CREATE INDEX task_package_idx ON task (package_id);
CREATE INDEX task_agent_idx ON task (agent_id);

CREATE TABLE task_transition (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    task_id     VARCHAR(36)   NOT NULL REFERENCES task (id),
    from_state  VARCHAR(16),
    to_state    VARCHAR(16)   NOT NULL,
    reason      VARCHAR(500)  NOT NULL,
    occurred_at VARCHAR(24)   NOT NULL
);
CREATE INDEX task_transition_task_idx ON task_transition (task_id, occurred_at);
