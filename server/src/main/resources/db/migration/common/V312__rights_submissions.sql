-- Requests a data subject submitted on the tenant's privacy page (/privacy/<slug>). A submission
-- becomes a request only once its single-use link, sent to the address given, is followed: the
-- submitter proves control of that address. The link's token and the status link's token are
-- kept as SHA-256 hashes only; the submitted form is sealed under a key of the submission.
CREATE TABLE rights_submissions (
    tenant_id         UUID                     NOT NULL,
    submission_id     UUID                     NOT NULL,
    request_type      VARCHAR(20)              NOT NULL,
    -- pseudonym of the address (HMAC under the tenant's key): the subject's own requests are those
    -- confirmed from the same address, and a mailbox cannot be flooded with links
    address_key       VARCHAR(64)              NOT NULL,
    personal          BYTEA                    NOT NULL,
    link_hash         VARCHAR(64)              NOT NULL,
    submitted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    link_expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at      TIMESTAMP WITH TIME ZONE,
    request_id        UUID,
    status_hash       VARCHAR(64),
    status_expires_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rights_submissions_pk PRIMARY KEY (tenant_id, submission_id),
    CONSTRAINT rights_submissions_link_uq UNIQUE (tenant_id, link_hash),
    CONSTRAINT rights_submissions_status_uq UNIQUE (tenant_id, status_hash)
);

CREATE INDEX rights_submissions_address_idx ON rights_submissions (tenant_id, address_key, submitted_at);
