-- Tenant tables of invitations, provider accesses and the notices inbox get forced row-level security.
SELECT steward_isolate_tenant_table(t)
FROM unnest(ARRAY['invitations', 'provider_accesses', 'notice_inbox', 'notice_reads']) AS t;
-- The record of provider accesses is append-only for the application.
REVOKE UPDATE, DELETE ON provider_accesses FROM ${app_role};
