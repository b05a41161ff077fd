-- Row-level security for the access guards' tables, as in V2 for the first tables.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['subject_flags', 'legal_holds']) AS t;
