-- The key tables of the keys module (V200) get the same forced row-level security as every
-- other tenant table: a tenant's scope sees only its own wrapped keys.
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
