-- One-time links (feature package dev.steward.identity): an invited person sets their own
-- password and enrols a second factor; after an MFA reset, a person enrols a new factor with
-- the link and their password. Only the SHA-256 of the link's secret is kept.
CREATE TABLE invitations (
    tenant_id       UUID                     NOT NULL,
    invitation_id   UUID                     NOT NULL,
    purpose         VARCHAR(20)              NOT NULL,
    account_id      UUID,
    username        VARCHAR(100)             NOT NULL,
    display_name    VARCHAR(200)             NOT NULL,
    role            VARCHAR(30)              NOT NULL,
    secret_hash     VARCHAR(64)              NOT NULL,
    issued_by       VARCHAR(300)             NOT NULL,
    issued_by_provider BOOLEAN               NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_invitations PRIMARY KEY (tenant_id, invitation_id)
);
CREATE INDEX ix_invitations_account ON invitations (tenant_id, account_id);

-- Every act of provider staff inside a customer tenant, for the customer's own page of them.
-- The same acts are in the tenant's system log; this table only makes them listable.
CREATE TABLE provider_accesses (
    tenant_id   UUID                     NOT NULL,
    access_id   UUID                     NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    UUID                     NOT NULL,
    actor_role  VARCHAR(30)              NOT NULL,
    actor       VARCHAR(300)             NOT NULL,
    action      VARCHAR(100)             NOT NULL,
    object_ref  VARCHAR(300)             NOT NULL,
    CONSTRAINT pk_provider_accesses PRIMARY KEY (tenant_id, access_id)
);
CREATE INDEX ix_provider_accesses_at ON provider_accesses (tenant_id, at);
