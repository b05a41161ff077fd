-- The ledger's signing key, sealed by the master key (never stored in clear).
CREATE TABLE evidence_signing_key (
    key_name       VARCHAR(200)             NOT NULL,
    vkey           VARCHAR(400)             NOT NULL,
    master_version VARCHAR(100)             NOT NULL,
    sealed_seed    BYTEA                    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_evidence_signing_key PRIMARY KEY (key_name)
);

-- What each system-log entry is about, written in the same transaction as the entry, so the log
-- can be searched by time, actor, action and subject without decrypting anything. The entry
-- itself (the Merkle leaf) is in ledger_pending / ledger_entry.
CREATE TABLE evidence_index (
    tenant_id   UUID                     NOT NULL,
    pending_id  BIGINT                   NOT NULL,
    log_id      VARCHAR(200)             NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    VARCHAR(100)             NOT NULL,
    action      VARCHAR(100)             NOT NULL,
    object_ref  VARCHAR(200),
    subject_ref VARCHAR(64),
    outcome     VARCHAR(60)              NOT NULL,
    CONSTRAINT pk_evidence_index PRIMARY KEY (tenant_id, pending_id)
);
CREATE INDEX ix_evidence_index_at ON evidence_index (tenant_id, at);

-- Tenant checkpoints anchored in the provider log: the last size anchored per tenant log.
CREATE TABLE evidence_anchors (
    tenant_id     UUID                     NOT NULL,
    anchored_size BIGINT                   NOT NULL,
    anchored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_evidence_anchors PRIMARY KEY (tenant_id)
);

-- Evidence bundles: who asked, who approved, the single-use download and when the file goes.
CREATE TABLE evidence_bundles (
    tenant_id      UUID                     NOT NULL,
    bundle_id      UUID                     NOT NULL,
    state          VARCHAR(20)              NOT NULL,
    requested_by   VARCHAR(300)             NOT NULL,
    approved_by    VARCHAR(300),
    time_from      TIMESTAMP WITH TIME ZONE NOT NULL,
    time_to        TIMESTAMP WITH TIME ZONE NOT NULL,
    filter_action  VARCHAR(100),
    filter_actor   VARCHAR(100),
    filter_subject VARCHAR(64),
    entries        INTEGER,
    token_hash     VARCHAR(64),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    downloaded_at  TIMESTAMP WITH TIME ZONE,
    deleted_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_evidence_bundles PRIMARY KEY (tenant_id, bundle_id)
);
