-- Checkpoint payloads the governor keeps itself: AES-256-GCM sealed, base64 text (portable).
CREATE TABLE checkpoint_payload (
    checkpoint_id  VARCHAR(36)  NOT NULL PRIMARY KEY REFERENCES checkpoint (id),
    sealed         TEXT         NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    stored_at      VARCHAR(24)  NOT NULL
);
