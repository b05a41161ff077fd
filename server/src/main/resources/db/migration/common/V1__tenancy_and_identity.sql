-- Tenants and their contracts. The provider's own staff belong to the provider tenant
-- (00000000-0000-0000-0000-000000000000), so every account has a tenant.
CREATE TABLE tenants (
    tenant_id             UUID                     NOT NULL,
    slug                  VARCHAR(63)              NOT NULL,
    name                  VARCHAR(200)             NOT NULL,
    state                 VARCHAR(20)              NOT NULL,
    contract_start        DATE                     NOT NULL,
    contract_end          DATE,
    fully_managed         BOOLEAN                  NOT NULL,
    incident_notice_hours INTEGER                  NOT NULL,
    storage_countries     VARCHAR(200)             NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INTEGER                  NOT NULL,
    CONSTRAINT pk_tenants PRIMARY KEY (tenant_id),
    CONSTRAINT uq_tenants_slug UNIQUE (slug)
);

-- Every change of a tenant or its contract, with who made it: the history an auditor reads.
CREATE TABLE tenant_changes (
    tenant_id  UUID                     NOT NULL,
    version    INTEGER                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(200)             NOT NULL,
    summary    VARCHAR(4000)            NOT NULL,
    CONSTRAINT pk_tenant_changes PRIMARY KEY (tenant_id, version)
);

CREATE TABLE accounts (
    tenant_id     UUID                     NOT NULL,
    account_id    UUID                     NOT NULL,
    username      VARCHAR(100)             NOT NULL,
    display_name  VARCHAR(200)             NOT NULL,
    role          VARCHAR(30)              NOT NULL,
    password_hash VARCHAR(200)             NOT NULL,
    totp_secret   VARCHAR(64),
    totp_enabled  BOOLEAN                  NOT NULL,
    last_totp_step BIGINT                  NOT NULL,
    failed_logins INTEGER                  NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    disabled      BOOLEAN                  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (tenant_id, account_id),
    CONSTRAINT uq_accounts_username UNIQUE (tenant_id, username)
);

-- API tokens are stored only as SHA-256 of their secret part; the secret is shown once.
CREATE TABLE api_tokens (
    tenant_id    UUID                     NOT NULL,
    token_id     UUID                     NOT NULL,
    name         VARCHAR(100)             NOT NULL,
    role         VARCHAR(30)              NOT NULL,
    secret_hash  VARCHAR(64)              NOT NULL,
    created_by   UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_tokens PRIMARY KEY (tenant_id, token_id)
);

-- Responses to POST requests that carried an Idempotency-Key, so a retry never acts twice.
CREATE TABLE idempotency_keys (
    tenant_id     UUID                     NOT NULL,
    principal     VARCHAR(100)             NOT NULL,
    idem_key      VARCHAR(200)             NOT NULL,
    request_hash  VARCHAR(64)              NOT NULL,
    status        INTEGER                  NOT NULL,
    content_type  VARCHAR(200),
    body          VARCHAR(1000000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (tenant_id, principal, idem_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_keys (created_at);
