-- The console inbox, first channel of the notices feature (dev.steward.notices): what a tenant
-- is told, addressed to roles of that tenant, and which accounts have read it.
CREATE TABLE notice_inbox (
    tenant_id  UUID                     NOT NULL,
    notice_id  UUID                     NOT NULL,
    topic      VARCHAR(40)              NOT NULL,
    audience   VARCHAR(300)             NOT NULL,
    subject    VARCHAR(200)             NOT NULL,
    body       VARCHAR(4000)            NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notice_inbox PRIMARY KEY (tenant_id, notice_id)
);
CREATE INDEX ix_notice_inbox_created ON notice_inbox (tenant_id, created_at);

CREATE TABLE notice_reads (
    tenant_id  UUID                     NOT NULL,
    notice_id  UUID                     NOT NULL,
    account_id UUID                     NOT NULL,
    read_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notice_reads PRIMARY KEY (tenant_id, notice_id, account_id)
);
