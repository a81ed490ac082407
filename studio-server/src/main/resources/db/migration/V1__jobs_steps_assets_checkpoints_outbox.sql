-- Campaign Studio schema, version 1. Portable between PostgreSQL and H2 in PostgreSQL mode.
-- JSON documents are stored as text: the service reads and writes them whole.

CREATE TABLE jobs (
    id                  VARCHAR(40)              NOT NULL PRIMARY KEY,
    job_type            VARCHAR(32)              NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    mode                VARCHAR(32),
    product_id          VARCHAR(128)             NOT NULL,
    parent_job_id       VARCHAR(40)              REFERENCES jobs (id),
    idempotency_key     VARCHAR(128)             NOT NULL,
    request_hash        VARCHAR(64)              NOT NULL,
    request_json        TEXT                     NOT NULL,
    callback_url        VARCHAR(2048),
    callback_secret_ref VARCHAR(64),
    cancel_requested    BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_event_seq      BIGINT                   DEFAULT 0 NOT NULL,
    error_json          TEXT,
    manifest_json       TEXT,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_jobs_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_jobs_status ON jobs (status, id);
CREATE INDEX ix_jobs_type ON jobs (job_type, id);
CREATE INDEX ix_jobs_product ON jobs (product_id, id);
CREATE INDEX ix_jobs_parent ON jobs (parent_job_id);

-- One row per (job, stage, scene, attempt). scene_order 0 means the stage does not run per scene.
CREATE TABLE steps (
    id               VARCHAR(40)              NOT NULL PRIMARY KEY,
    job_id           VARCHAR(40)              NOT NULL REFERENCES jobs (id),
    stage            VARCHAR(64)              NOT NULL,
    scene_order      INTEGER                  DEFAULT 0 NOT NULL,
    attempt          INTEGER                  NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    queue_name       VARCHAR(32)              NOT NULL,
    inputs_json      TEXT,
    outputs_json     TEXT,
    error_json       TEXT,
    provider         VARCHAR(64),
    adapter          VARCHAR(64),
    lease_owner      VARCHAR(128),
    lease_expires_at TIMESTAMP WITH TIME ZONE,
    not_before       TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_steps_attempt UNIQUE (job_id, stage, scene_order, attempt)
);
CREATE INDEX ix_steps_job ON steps (job_id);
CREATE INDEX ix_steps_status_lease ON steps (status, lease_expires_at);

-- Files in the blob store, named by content hash. dedupe_key is set (to the hash) only for kinds that are
-- deduplicated, such as uploads; NULLs never collide.
CREATE TABLE assets (
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    kind        VARCHAR(32)              NOT NULL,
    media_type  VARCHAR(100)             NOT NULL,
    sha256      VARCHAR(64)              NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    width       INTEGER,
    height      INTEGER,
    duration_ms BIGINT,
    job_id      VARCHAR(40)              REFERENCES jobs (id),
    step_id     VARCHAR(40)              REFERENCES steps (id),
    dedupe_key  VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_assets_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX ix_assets_sha256 ON assets (sha256);
CREATE INDEX ix_assets_job ON assets (job_id);

-- Reusable identity outputs of a product: (product, stage, fingerprint of the inputs) -> outputs.
CREATE TABLE product_checkpoints (
    product_id   VARCHAR(128)             NOT NULL,
    stage        VARCHAR(64)              NOT NULL,
    fingerprint  VARCHAR(64)              NOT NULL,
    outputs_json TEXT                     NOT NULL,
    job_id       VARCHAR(40)              REFERENCES jobs (id),
    step_id      VARCHAR(40)              REFERENCES steps (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_product_checkpoints PRIMARY KEY (product_id, stage, fingerprint)
);

-- Transactional outbox of lifecycle events; seq is gapless per job from 1.
CREATE TABLE outbox_events (
    id          VARCHAR(40)              NOT NULL PRIMARY KEY,
    job_id      VARCHAR(40)              NOT NULL REFERENCES jobs (id),
    seq         BIGINT                   NOT NULL,
    event_type  VARCHAR(32)              NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data_json   TEXT                     NOT NULL,
    CONSTRAINT uq_outbox_job_seq UNIQUE (job_id, seq)
);
