-- Per-project API keys: only a SHA-256 hash is stored; the key itself is shown once, at registration.
CREATE TABLE project_api_key (
    key_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    project_id  VARCHAR(36)  NOT NULL REFERENCES project (id),
    created_at  VARCHAR(24)  NOT NULL
);
CREATE INDEX project_api_key_project_idx ON project_api_key (project_id);
