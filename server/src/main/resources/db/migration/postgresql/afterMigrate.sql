-- Runs after every migration run (a Flyway callback), as the schema owner. On a single PostgreSQL it
-- does nothing. On Citus it places every table not placed yet, so each new migration's tables follow:
--   a table named in schema_placement becomes a reference table (or stays on the coordinator: 'local');
--   every other table must have tenant_id, and is distributed on it, co-located with the tenant tables.
-- A table that is neither stops the migration here, naming the table and the rule
-- (docs/design/citus-distribution.md); MigratedSchemaDistributesIntegrationTest finds it on every build.
DO $$
DECLARE
    t RECORD;
    colocated REGCLASS;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
        RETURN;
    END IF;
    -- The row-level security policies call it on the workers.
    IF NOT EXISTS (SELECT FROM pg_dist_object WHERE classid = 'pg_proc'::regclass
                   AND objid = 'steward_tenant_visible(uuid)'::regprocedure) THEN
        PERFORM create_distributed_function('steward_tenant_visible(uuid)');
    END IF;
    FOR t IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r'
          AND NOT EXISTS (SELECT FROM schema_placement p WHERE p.table_name = c.relname)
          AND NOT EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
    LOOP
        RAISE EXCEPTION 'table % has no tenant_id and is not declared in schema_placement: every table is distributed on tenant_id or declared global (docs/design/citus-distribution.md)', t.relname;
    END LOOP;
    FOR t IN
        SELECT p.table_name FROM schema_placement p
        WHERE p.placement = 'reference' AND to_regclass(p.table_name) IS NOT NULL
          AND NOT EXISTS (SELECT FROM pg_dist_partition d WHERE d.logicalrelid = to_regclass(p.table_name))
        ORDER BY p.table_name
    LOOP
        PERFORM create_reference_table(t.table_name::regclass);
    END LOOP;
    SELECT logicalrelid INTO colocated FROM pg_dist_partition WHERE partmethod = 'h' ORDER BY logicalrelid::text LIMIT 1;
    FOR t IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r'
          AND NOT EXISTS (SELECT FROM schema_placement p WHERE p.table_name = c.relname)
          AND NOT EXISTS (SELECT FROM pg_dist_partition d WHERE d.logicalrelid = c.oid)
        ORDER BY c.relname
    LOOP
        IF colocated IS NULL THEN
            PERFORM create_distributed_table(t.relname::regclass, 'tenant_id');
            colocated := t.relname::regclass;
        ELSE
            PERFORM create_distributed_table(t.relname::regclass, 'tenant_id', colocate_with => colocated::text);
        END IF;
    END LOOP;
END
$$;
