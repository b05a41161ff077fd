-- Access guards (records feature): a subject's restriction and objection flags, and legal holds.
-- Subjects are named only by their pseudonym (HMAC under the tenant's pseudonymisation key), as in
-- records; every primary key starts with tenant_id (Citus distribution column).

-- Restriction of processing (RIGHT-3) and objection to legitimate-interest processing (RIGHT-4).
-- A row exists once either flag was set; cleared flags keep the row with NULL.
CREATE TABLE subject_flags (
    tenant_id     UUID                     NOT NULL,
    subject_ref   VARCHAR(64)              NOT NULL,
    restricted_at TIMESTAMP WITH TIME ZONE,
    objected_at   TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(300)             NOT NULL,
    CONSTRAINT subject_flags_pk PRIMARY KEY (tenant_id, subject_ref)
);

-- A legal hold keeps a subject's records (record_id NULL) or one record from deletion and erasure.
-- The reason names the legal ground (a case, a statute); it is shown to whoever erases.
CREATE TABLE legal_holds (
    tenant_id   UUID                     NOT NULL,
    hold_id     UUID                     NOT NULL,
    subject_ref VARCHAR(64)              NOT NULL,
    record_id   UUID,
    reason      VARCHAR(500)             NOT NULL,
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    placed_by   VARCHAR(300)             NOT NULL,
    CONSTRAINT legal_holds_pk PRIMARY KEY (tenant_id, hold_id)
);

CREATE INDEX legal_holds_subject_idx ON legal_holds (tenant_id, subject_ref);
