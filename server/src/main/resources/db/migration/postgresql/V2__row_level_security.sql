-- Defence in depth on PostgreSQL: the application's role owns no table and every tenant
-- table forces row-level security, so a query that forgets its tenant sees nothing.
-- The application sets steward.tenant_id (and steward.scope = 'provider' for provider-wide
-- administration) on every connection it takes from the pool.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        CREATE ROLE ${app_role} LOGIN;
    END IF;
END
$$;

CREATE FUNCTION steward_tenant_visible(row_tenant UUID) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS $$
    SELECT row_tenant = NULLIF(current_setting('steward.tenant_id', true), '')::uuid
        OR current_setting('steward.scope', true) = 'provider'
$$;

-- Every tenant table is put under the same policy by this one procedure (later migrations call it).
CREATE FUNCTION steward_isolate_tenant_table(t TEXT) RETURNS VOID
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (steward_tenant_visible(tenant_id)) '
                   'WITH CHECK (steward_tenant_visible(tenant_id))', t);
END
$$;
REVOKE ALL ON FUNCTION steward_isolate_tenant_table(TEXT) FROM PUBLIC;

SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['tenants', 'tenant_changes', 'accounts', 'api_tokens', 'idempotency_keys']) AS t;

GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app_role};
REVOKE ALL ON flyway_schema_history FROM ${app_role};
GRANT SELECT ON flyway_schema_history TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
