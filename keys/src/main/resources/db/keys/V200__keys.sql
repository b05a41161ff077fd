-- Key hierarchy of the keys module: per-tenant key-encryption keys (wrapped by the master key),
-- per-tenant pseudonymisation keys and per-subject data keys (wrapped by the tenant KEK).
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL 15+. BYTEA is PostgreSQL's binary type
-- and an alias of BINARY VARYING in H2. Every primary key starts with tenant_id (Citus distribution
-- column). No table holds key material in clear.

CREATE TABLE keys_tenant (
    tenant_id             UUID                     NOT NULL,
    current_kek_version   INTEGER                  NOT NULL,
    pseudonym_kek_version INTEGER                  NOT NULL,
    pseudonym_key         BYTEA                    NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keys_tenant_pk PRIMARY KEY (tenant_id)
);

-- One row per KEK version. A retired version keeps its row (history) without its key.
CREATE TABLE keys_tenant_kek (
    tenant_id      UUID                     NOT NULL,
    kek_version    INTEGER                  NOT NULL,
    master_version VARCHAR(200)             NOT NULL,
    wrapped_kek    BYTEA,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT keys_tenant_kek_pk PRIMARY KEY (tenant_id, kek_version)
);

CREATE INDEX keys_tenant_kek_master_idx ON keys_tenant_kek (master_version);

-- One data key per subject. Deleting the row crypto-shreds every ciphertext of the subject.
CREATE TABLE keys_data_key (
    tenant_id   UUID                     NOT NULL,
    subject_ref VARCHAR(64)              NOT NULL,
    kek_version INTEGER                  NOT NULL,
    wrapped_key BYTEA                    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keys_data_key_pk PRIMARY KEY (tenant_id, subject_ref)
);

CREATE INDEX keys_data_key_kek_idx ON keys_data_key (tenant_id, kek_version);

-- Copy of the erasure journal for queries (certificates). The journal file, kept apart from the
-- database and its backups, is authoritative: a restored backup may lack rows that replay restores.
CREATE TABLE keys_erasure (
    tenant_id    UUID                     NOT NULL,
    receipt_id   UUID                     NOT NULL,
    kind         VARCHAR(16)              NOT NULL,
    subject_ref  VARCHAR(64),
    erased_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    journal_hash VARCHAR(64)              NOT NULL,
    CONSTRAINT keys_erasure_pk PRIMARY KEY (tenant_id, receipt_id)
);
