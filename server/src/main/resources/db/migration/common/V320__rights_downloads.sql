-- The results of access and portability requests, waiting for the requester behind a single-use,
-- expiring link. The file is sealed under the request's key (bound to tenant, request and
-- download); the link's token is kept as a SHA-256 hash only. The content is removed when the
-- link is used, the row when it expires (job rights.forget-expired-downloads).
CREATE TABLE rights_downloads (
    tenant_id     UUID                     NOT NULL,
    download_id   UUID                     NOT NULL,
    request_id    UUID                     NOT NULL,
    token_hash    VARCHAR(64)              NOT NULL,
    file_name     VARCHAR(200)             NOT NULL,
    content_type  VARCHAR(100)             NOT NULL,
    content       BYTEA,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    downloaded_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT rights_downloads_pk PRIMARY KEY (tenant_id, download_id),
    CONSTRAINT rights_downloads_token_uq UNIQUE (tenant_id, token_hash)
);

CREATE INDEX rights_downloads_expiry_idx ON rights_downloads (expires_at);
