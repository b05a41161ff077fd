-- Tenant tables of the evidence feature get forced row-level security; the ledger's own tables
-- (ledger_*) are keyed by log, not tenant, and are reached only through the evidence feature.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['evidence_index', 'evidence_anchors', 'evidence_bundles']) AS t;
-- The index of an append-only log is never changed by the application.
REVOKE UPDATE, DELETE ON evidence_index FROM ${app_role};
