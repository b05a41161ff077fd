-- ledger_pending, second half (see V280): (tenant_id, pending_id) becomes the key. The identity
-- column stays, so pending ids keep rising past those already named in evidence indexes.
-- On Citus an install that placed ledger_pending as a reference table (before the re-key) turns it
-- back into a local table first; the server's afterMigrate step then distributes it on tenant_id.
-- (V280 rebuilt the other ledger tables, so they are new, local tables already.)
DO $$
BEGIN
    -- nested, not AND: pg_dist_partition exists only where Citus is installed
    IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
        IF EXISTS (SELECT FROM pg_dist_partition WHERE logicalrelid = to_regclass('ledger_pending')) THEN
            PERFORM undistribute_table('ledger_pending');
        END IF;
    END IF;
END
$$;
-- ledger_pending_pkey is the name PostgreSQL gave V100's unnamed primary key.
ALTER TABLE ledger_pending DROP CONSTRAINT ledger_pending_pkey;
ALTER TABLE ledger_pending ADD CONSTRAINT pk_ledger_pending PRIMARY KEY (tenant_id, pending_id);
