-- Data-subject requests (rights feature). Personal data of a request (requester, subject id, what was
-- asked) and the notes of its steps (reasons, questions, clarifications) are sealed under a data key of
-- the request (AES-GCM, bound to tenant, request and column), so the request file can be crypto-shredded
-- at the end of its retention and its skeleton kept as evidence. Every primary key starts with tenant_id.
CREATE TABLE rights_requests (
    tenant_id          UUID                     NOT NULL,
    request_id         UUID                     NOT NULL,
    request_type       VARCHAR(20)              NOT NULL,
    channel            VARCHAR(20)              NOT NULL,
    state              VARCHAR(30)              NOT NULL,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- pseudonym of the subject (or of the requester's address until the subject is identified), for duplicates
    subject_key        VARCHAR(64)              NOT NULL,
    -- subject_key and type while the request is open, NULL afterwards: one open request per subject and type
    open_key           VARCHAR(90),
    personal           BYTEA                    NOT NULL,
    extension_months   INT                      NOT NULL DEFAULT 0,
    extended_at        TIMESTAMP WITH TIME ZONE,
    outcome            VARCHAR(2000),
    reminded_at        TIMESTAMP WITH TIME ZONE,
    overdue_alerted_at TIMESTAMP WITH TIME ZONE,
    answered_at        TIMESTAMP WITH TIME ZONE,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            INT                      NOT NULL,
    CONSTRAINT rights_requests_pk PRIMARY KEY (tenant_id, request_id),
    CONSTRAINT rights_requests_open_uq UNIQUE (tenant_id, open_key)
);

CREATE INDEX rights_requests_state_idx ON rights_requests (tenant_id, state);

-- The clock's pauses: waiting for the requester's proof of identity or clarification.
CREATE TABLE rights_request_pauses (
    tenant_id  UUID                     NOT NULL,
    request_id UUID                     NOT NULL,
    paused_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resumed_at TIMESTAMP WITH TIME ZONE,
    reason     VARCHAR(20)              NOT NULL,
    CONSTRAINT rights_request_pauses_pk PRIMARY KEY (tenant_id, request_id, paused_at)
);

-- Every step taken, with its actor and time (the system log holds the same as evidence).
CREATE TABLE rights_request_steps (
    tenant_id  UUID                     NOT NULL,
    request_id UUID                     NOT NULL,
    seq        INT                      NOT NULL,
    step       VARCHAR(30)              NOT NULL,
    state      VARCHAR(30)              NOT NULL,
    taken_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(300)             NOT NULL,
    note       BYTEA,
    CONSTRAINT rights_request_steps_pk PRIMARY KEY (tenant_id, request_id, seq)
);

-- Kept in the provider tenant: which overdue requests the provider's security officers were told of, so
-- each is told once whatever node runs the deadline watch and however often.
CREATE TABLE rights_overdue_alerts (
    tenant_id      UUID                     NOT NULL,
    request_tenant UUID                     NOT NULL,
    request_id     UUID                     NOT NULL,
    alerted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rights_overdue_alerts_pk PRIMARY KEY (tenant_id, request_tenant, request_id)
);
