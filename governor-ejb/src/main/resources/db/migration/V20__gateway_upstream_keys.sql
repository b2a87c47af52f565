-- Upstream API keys the gateway holds for a project (one per provider), AES-256-GCM sealed like checkpoint
-- payloads (the project and provider bound as associated data), base64 text (portable). Never returned.
CREATE TABLE gateway_upstream_key (
    project_id  VARCHAR(36)  NOT NULL REFERENCES project (id),
    provider    VARCHAR(16)  NOT NULL,
    sealed      TEXT         NOT NULL,
    stored_at   VARCHAR(24)  NOT NULL,
    PRIMARY KEY (project_id, provider)
);
