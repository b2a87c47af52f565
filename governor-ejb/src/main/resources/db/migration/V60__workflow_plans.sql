-- Deep inspection's workflow plans, versioned per project (1, 2, …): the whole plan as JSON, with the figures
-- the lists show beside it.
CREATE TABLE workflow_plan (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id        VARCHAR(36)  NOT NULL REFERENCES project (id),
    version           INTEGER      NOT NULL CHECK (version >= 1),
    created_at        VARCHAR(24)  NOT NULL,
    agents            INTEGER      NOT NULL CHECK (agents BETWEEN 1 AND 5),
    estimated_tokens  BIGINT       NOT NULL CHECK (estimated_tokens >= 0),
    inspection_source VARCHAR(20)  NOT NULL,
    document          TEXT         NOT NULL,
    UNIQUE (project_id, version)
);
