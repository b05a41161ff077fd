-- Row-level security for the records tables, as in V2 for the first tables.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['record_categories', 'records', 'record_versions', 'access_log'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (steward_tenant_visible(tenant_id)) '
                       'WITH CHECK (steward_tenant_visible(tenant_id))', t);
    END LOOP;
END
$$;

-- The access log is append-only for the application.
REVOKE UPDATE, DELETE ON access_log FROM ${app_role};
