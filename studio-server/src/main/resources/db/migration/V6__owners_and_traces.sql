-- Named callers own their jobs and uploads (docs/operations.md, "Callers and scopes"). Rows from before belong to the
-- caller of the single-token default, `api`. Idempotency keys and upload deduplication are scoped per owner.
ALTER TABLE jobs ADD COLUMN owner VARCHAR(64) DEFAULT 'api' NOT NULL;
ALTER TABLE jobs DROP CONSTRAINT uq_jobs_idempotency_key;
ALTER TABLE jobs ADD CONSTRAINT uq_jobs_owner_idempotency_key UNIQUE (owner, idempotency_key);
CREATE INDEX ix_jobs_owner ON jobs (owner, id);
CREATE INDEX ix_jobs_finished ON jobs (finished_at);

ALTER TABLE assets ADD COLUMN owner VARCHAR(64) DEFAULT 'api' NOT NULL;
ALTER TABLE assets DROP CONSTRAINT uq_assets_dedupe;
ALTER TABLE assets ADD CONSTRAINT uq_assets_owner_dedupe UNIQUE (owner, dedupe_key);

-- W3C traceparent of the request that submitted a job: every step's span joins that trace (docs/operations.md,
-- "Traces"), whichever process runs it.
ALTER TABLE jobs ADD COLUMN trace_parent VARCHAR(64);
