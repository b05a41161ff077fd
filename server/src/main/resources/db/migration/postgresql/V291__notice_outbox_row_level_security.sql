-- The outbox tables are tenant data: forced row-level security, as every tenant table.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['notices', 'notice_contacts', 'notice_webhooks', 'notice_deliveries']) AS t;
