-- H2 has no row-level security: on the embedded default, tenant isolation rests on the
-- tenant-scoped data access code alone (see docs/design/tenant-isolation.md).
SELECT 1;
