-- The notices outbox (dev.steward.notices, docs/design/notices.md): what a tenant was told, who is
-- told it on which channel, and each delivery's progress. A notice and its deliveries are written
-- in the transaction of the act that causes them; the delivery job sends them after commit.
CREATE TABLE notices (
    tenant_id  UUID                     NOT NULL,
    notice_id  UUID                     NOT NULL,
    topic      VARCHAR(40)              NOT NULL,
    subject    VARCHAR(200)             NOT NULL,
    body       VARCHAR(4000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notices PRIMARY KEY (tenant_id, notice_id)
);

-- A tenant's contact points per kind (security, privacy, operations, legal): people reached by email.
CREATE TABLE notice_contacts (
    tenant_id  UUID                     NOT NULL,
    contact_id UUID                     NOT NULL,
    kind       VARCHAR(20)              NOT NULL CHECK (kind IN ('SECURITY', 'PRIVACY', 'OPERATIONS', 'LEGAL')),
    email      VARCHAR(254)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notice_contacts PRIMARY KEY (tenant_id, contact_id),
    CONSTRAINT uq_notice_contacts UNIQUE (tenant_id, kind, email)
);

-- Standard Webhooks receivers. Secrets are sealed under the tenant's key hierarchy, never in clear;
-- during a rotation the previous secret still signs until previous_until. Only verified endpoints
-- receive notices.
CREATE TABLE notice_webhooks (
    tenant_id       UUID                     NOT NULL,
    endpoint_id     UUID                     NOT NULL,
    url             VARCHAR(2000)            NOT NULL,
    secret          BYTEA                    NOT NULL,
    previous_secret BYTEA,
    previous_until  TIMESTAMP WITH TIME ZONE,
    verified_at     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notice_webhooks PRIMARY KEY (tenant_id, endpoint_id)
);

-- One row per notice, channel and recipient. delivery_id is the receiver's idempotency key
-- (webhook-id, Message-ID): stable across retries. last_error holds an error's kind, never a message.
CREATE TABLE notice_deliveries (
    tenant_id       UUID                     NOT NULL,
    delivery_id     UUID                     NOT NULL,
    notice_id       UUID                     NOT NULL,
    channel         VARCHAR(10)              NOT NULL CHECK (channel IN ('INBOX', 'EMAIL', 'WEBHOOK')),
    recipient       VARCHAR(254)             NOT NULL,
    state           VARCHAR(10)              NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        INT                      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(100),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notice_deliveries PRIMARY KEY (tenant_id, delivery_id)
);
CREATE INDEX ix_notice_deliveries_due ON notice_deliveries (state, next_attempt_at);
CREATE INDEX ix_notice_deliveries_notice ON notice_deliveries (tenant_id, notice_id);
