-- Row-level security for the rights feature's tables, as in V2 for the first tables.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['rights_requests', 'rights_request_pauses', 'rights_request_steps', 'rights_overdue_alerts']) AS t;
