-- Tenant tables of the evidence feature get forced row-level security; the ledger's own tables
-- (ledger_*) are keyed by log, not tenant, and are reached only through the evidence feature.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['evidence_index', 'evidence_anchors', 'evidence_bundles'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (steward_tenant_visible(tenant_id)) '
                       'WITH CHECK (steward_tenant_visible(tenant_id))', t);
    END LOOP;
END
$$;
-- The index of an append-only log is never changed by the application.
REVOKE UPDATE, DELETE ON evidence_index FROM ${app_role};
