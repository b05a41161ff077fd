-- Sign-in hardening (SEC-10, see docs/design/sign-in.md).
-- TOTP seeds are stored sealed under the tenant's key hierarchy (AES-256-GCM under a data key
-- of the account); seeds written in clear before this version are sealed at the next start and
-- the clear column emptied (identity.internal.TotpSeedSealing).
ALTER TABLE accounts ADD COLUMN totp_seed BYTEA;
-- Optimistic locking of administrators' changes, and the epoch that open console sessions
-- compare with at every request.
ALTER TABLE accounts ADD COLUMN version INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE accounts ADD COLUMN security_epoch INTEGER DEFAULT 0 NOT NULL;

-- Wrong passwords per account AND source, so a guesser at one address cannot lock the account's
-- owner out everywhere. The source is kept only as a keyed pseudonym (HMAC under the tenant's
-- pseudonymisation key), never as the address itself.
CREATE TABLE sign_in_failures (
    tenant_id    UUID                     NOT NULL,
    account_id   UUID                     NOT NULL,
    source_ref   VARCHAR(64)              NOT NULL,
    failures     INTEGER                  NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sign_in_failures PRIMARY KEY (tenant_id, account_id, source_ref)
);

-- A customer tenant may require a second factor of every account (provider accounts always need one).
CREATE TABLE tenant_sign_in_policies (
    tenant_id    UUID                     NOT NULL,
    mfa_required BOOLEAN                  NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(200)             NOT NULL,
    CONSTRAINT pk_tenant_sign_in_policies PRIMARY KEY (tenant_id)
);
