-- GLOBAL TABLE, not tenant data: one row per background job of the installation (no tenant_id,
-- and so no row-level security on PostgreSQL). It holds job names, node names, times and the
-- outcome's exception type only; never personal data.
-- A node claims a due job by taking its lease (lease_owner, lease_until) in a short transaction
-- (SELECT ... FOR UPDATE SKIP LOCKED); a lease that expired (its node died mid-run) may be taken
-- by another node. See docs/design/jobs.md.
CREATE TABLE jobs (
    name                 VARCHAR(100) NOT NULL PRIMARY KEY,
    run_every            VARCHAR(40) NOT NULL,
    next_run_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner          VARCHAR(200),
    lease_until          TIMESTAMP WITH TIME ZONE,
    last_started_at      TIMESTAMP WITH TIME ZONE,
    last_finished_at     TIMESTAMP WITH TIME ZONE,
    last_outcome         VARCHAR(10) CHECK (last_outcome IN ('ok', 'failed')),
    last_message         VARCHAR(200),
    consecutive_failures INT NOT NULL DEFAULT 0
);
