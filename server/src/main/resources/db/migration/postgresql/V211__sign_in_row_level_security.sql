-- Row-level security for the sign-in tables of V210, like every other tenant table.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['sign_in_failures', 'tenant_sign_in_policies']) AS t;
