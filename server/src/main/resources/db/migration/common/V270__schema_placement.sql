-- GLOBAL TABLE, not tenant data: the one declaration of the tables that are NOT distributed by tenant.
-- Every table of the schema either has a tenant_id (then on Citus it is distributed on tenant_id,
-- co-located with every other tenant table) or is named here with where it lives:
--   reference  copied to every node (joined with tenant tables, or read on workers);
--   local      kept on the coordinator only (read and written on its own, never joined with tenant tables).
-- On a single PostgreSQL or H2 this table changes nothing; the Citus step (postgresql/afterMigrate.sql)
-- reads it, and MigratedSchemaDistributesIntegrationTest fails the build on a table that is neither.
-- The rule and its reasons: docs/design/citus-distribution.md.
CREATE TABLE schema_placement (
    table_name VARCHAR(63) NOT NULL PRIMARY KEY,
    placement  VARCHAR(10) NOT NULL CHECK (placement IN ('reference', 'local')),
    reason     VARCHAR(300) NOT NULL
);

INSERT INTO schema_placement (table_name, placement, reason) VALUES
    ('tenants', 'reference', 'the tenant register: UNIQUE (slug) must hold across all tenants, which only a table on one shard can guarantee'),
    ('evidence_signing_key', 'reference', 'public halves of the log signing keys, the same for every tenant'),
    ('jobs', 'local', 'the installation''s background jobs, leased with FOR UPDATE SKIP LOCKED on their own'),
    ('event_publication', 'local', 'Spring Modulith''s event publication registry, read and written on its own'),
    ('flyway_schema_history', 'local', 'Flyway''s own history'),
    ('schema_placement', 'local', 'this declaration'),
    -- The ledger is keyed by a VARCHAR log_id (and ledger_pending by pending_id alone), so it cannot be
    -- co-located with the tenant tables until it is re-keyed by tenant UUID; until then every node holds it.
    ('ledger_log', 'reference', 'ledger keyed by log_id, not yet by tenant (re-keying flips it to distributed)'),
    ('ledger_tree', 'reference', 'ledger keyed by log_id, not yet by tenant (re-keying flips it to distributed)'),
    ('ledger_entry', 'reference', 'ledger keyed by log_id, not yet by tenant (re-keying flips it to distributed)'),
    ('ledger_tile', 'reference', 'ledger keyed by log_id, not yet by tenant (re-keying flips it to distributed)'),
    ('ledger_checkpoint', 'reference', 'ledger keyed by log_id, not yet by tenant (re-keying flips it to distributed)'),
    ('ledger_pending', 'reference', 'ledger keyed by pending_id, not yet by tenant (re-keying flips it to distributed)'),
    ('ledger_pending_index', 'reference', 'ledger keyed by pending_id, not yet by tenant (re-keying flips it to distributed)');
