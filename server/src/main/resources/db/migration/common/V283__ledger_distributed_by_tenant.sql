-- Since V280 every ledger table leads its key with tenant_id: they are tenant tables, no longer global.
-- Their schema_placement rows (V270: reference tables until the re-key) go, so on Citus afterMigrate
-- distributes them on tenant_id, co-located with the other tenant tables (docs/design/ledger-by-tenant.md).
DELETE FROM schema_placement WHERE table_name IN ('ledger_log', 'ledger_tree', 'ledger_entry', 'ledger_tile',
    'ledger_checkpoint', 'ledger_pending', 'ledger_pending_index');
