-- Row-level security for the key tables of the keys module (V200): a tenant's wrapped keys are
-- visible only inside that tenant's scope (or to provider-wide administration, such as the
-- erasure-journal replay at start-up).
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['keys_tenant', 'keys_tenant_kek', 'keys_data_key', 'keys_erasure'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (steward_tenant_visible(tenant_id)) '
                       'WITH CHECK (steward_tenant_visible(tenant_id))', t);
    END LOOP;
END
$$;
