-- Row-level security for the key tables of the keys module (V200): a tenant's wrapped keys are
-- visible only inside that tenant's scope (or to provider-wide administration, such as the
-- erasure-journal replay at start-up).
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['keys_tenant', 'keys_tenant_kek', 'keys_data_key', 'keys_erasure']) AS t;
