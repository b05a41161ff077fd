-- Row-level security for the complaints feature's tables, as in V2 for the first tables.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['complaints', 'complaint_steps', 'complaint_links', 'complaint_alerts']) AS t;
