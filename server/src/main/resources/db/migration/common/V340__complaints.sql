-- Complaints (complaints feature, RIGHT-6): received by the tenant's public complaint form or recorded by
-- customer or provider staff from an email or a letter, handled by the provider's COMPLIANCE staff (the DPO
-- contact point) against a one-month deadline. A complaint lives in the tenant it concerns (the provider
-- tenant for one about the provider itself). Who complained, what they wrote and the response told to them,
-- and the notes of every step, are sealed under a data key of the complaint (AES-GCM, bound to tenant,
-- complaint and column). Every primary key starts with tenant_id.
CREATE TABLE complaints (
    tenant_id       UUID                     NOT NULL,
    complaint_id    UUID                     NOT NULL,
    state           VARCHAR(30)              NOT NULL,
    channel         VARCHAR(20)              NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- counted once at receipt in the tenant's calendar: the date told to the complainant is the one kept
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_day        DATE                     NOT NULL,
    assigned_role   VARCHAR(30)              NOT NULL,
    -- the handler who started the investigation (an actor name as the steps record it), until then NULL
    assignee        VARCHAR(300),
    -- pseudonym of the complainant's address (HMAC under the tenant's key), for the web form's mail limit
    complainant_key VARCHAR(64),
    personal        BYTEA                    NOT NULL,
    outcome         VARCHAR(20),
    response        BYTEA,
    answered_at     TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INT                      NOT NULL,
    CONSTRAINT complaints_pk PRIMARY KEY (tenant_id, complaint_id)
);

CREATE INDEX complaints_state_idx ON complaints (tenant_id, state);
-- provider staff find a complaint of any tenant by its reference
CREATE INDEX complaints_id_idx ON complaints (complaint_id);
CREATE INDEX complaints_complainant_idx ON complaints (tenant_id, complainant_key, received_at);

-- Every step taken, with its actor and time (the system log holds the same as evidence).
CREATE TABLE complaint_steps (
    tenant_id    UUID                     NOT NULL,
    complaint_id UUID                     NOT NULL,
    seq          INT                      NOT NULL,
    step         VARCHAR(30)              NOT NULL,
    state        VARCHAR(30)              NOT NULL,
    taken_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(300)             NOT NULL,
    note         BYTEA,
    CONSTRAINT complaint_steps_pk PRIMARY KEY (tenant_id, complaint_id, seq)
);

-- What a complaint is about elsewhere: a rights request, an incident (a free reference until incidents are
-- built), a record. References, never personal data.
CREATE TABLE complaint_links (
    tenant_id    UUID                     NOT NULL,
    complaint_id UUID                     NOT NULL,
    kind         VARCHAR(20)              NOT NULL,
    reference    VARCHAR(100)             NOT NULL,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    linked_by    VARCHAR(300)             NOT NULL,
    CONSTRAINT complaint_links_pk PRIMARY KEY (tenant_id, complaint_id, kind, reference)
);

-- Kept in the tenant whose staff were told (the provider's, or the complaint's own tenant's): of which
-- complaints they were told what (received, due soon, overdue), so each is told once whatever node runs the
-- watch or the listener and however often. A tenant's rows cannot be written from another tenant's scope.
CREATE TABLE complaint_alerts (
    tenant_id        UUID                     NOT NULL,
    complaint_tenant UUID                     NOT NULL,
    complaint_id     UUID                     NOT NULL,
    kind             VARCHAR(20)              NOT NULL,
    alerted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT complaint_alerts_pk PRIMARY KEY (tenant_id, complaint_tenant, complaint_id, kind)
);
