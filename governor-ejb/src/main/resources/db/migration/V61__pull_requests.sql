-- Pull requests the PR agent opened (token-gov commit --pr), as GitHub last showed them, and the tasks whose
-- work they carry: a PR's tokens are what those tasks (and their child tasks) have spent, summed when read.
CREATE TABLE pull_request (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    project_id        VARCHAR(36)   NOT NULL REFERENCES project (id),
    repository        VARCHAR(201)  NOT NULL,
    number            INTEGER       NOT NULL CHECK (number >= 1),
    url               VARCHAR(2000) NOT NULL,
    branch            VARCHAR(255)  NOT NULL,
    base_branch       VARCHAR(255)  NOT NULL,
    title             VARCHAR(256)  NOT NULL,
    state             VARCHAR(16)   NOT NULL CHECK (state IN ('OPEN', 'CLOSED', 'MERGED')),
    approvals         INTEGER       NOT NULL DEFAULT 0 CHECK (approvals >= 0),
    changes_requested INTEGER       NOT NULL DEFAULT 0 CHECK (changes_requested >= 0),
    merged            INTEGER       NOT NULL DEFAULT 0,
    merged_at         VARCHAR(24),
    opened_at         VARCHAR(24)   NOT NULL,
    updated_at        VARCHAR(24)   NOT NULL,
    refreshed_at      VARCHAR(24),
    UNIQUE (project_id, repository, number)
);
CREATE INDEX pull_request_state_idx ON pull_request (state);

CREATE TABLE pull_request_task (
    pull_request_id VARCHAR(36) NOT NULL REFERENCES pull_request (id),
    task_id         VARCHAR(36) NOT NULL REFERENCES task (id),
    PRIMARY KEY (pull_request_id, task_id)
);
CREATE INDEX pull_request_task_task_idx ON pull_request_task (task_id);
