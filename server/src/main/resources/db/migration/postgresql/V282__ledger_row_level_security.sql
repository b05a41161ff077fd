-- The ledger's tables are tenant tables since V280 (tenant_id leads every key) and get the same
-- forced row-level security as every other: an entry queued in a caller's transaction must belong to
-- the caller's scope, and SQL that forgets its tenant sees no log. The ledger's own sequencer and
-- integrator maintain every tenant's log and take their connections provider-wide
-- (evidence.internal.ProviderWideStorage).
-- ledger_entry is the one exception: PostgreSQL refuses COPY FROM into a table with row-level
-- security, and the integrator writes sequenced entries by binary COPY (several times faster than
-- INSERT). Only the integrator writes it, provider-wide, where a policy would admit every row anyway;
-- no code outside the ledger names it (LedgerTablesOnlyInLedgerTest).
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['ledger_log', 'ledger_tree', 'ledger_pending', 'ledger_pending_index', 'ledger_tile',
                  'ledger_checkpoint']) AS t;
