-- Row-level security for the records tables, as in V2 for the first tables.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['record_categories', 'records', 'record_versions', 'access_log']) AS t;

-- The access log is append-only for the application.
REVOKE UPDATE, DELETE ON access_log FROM ${app_role};
