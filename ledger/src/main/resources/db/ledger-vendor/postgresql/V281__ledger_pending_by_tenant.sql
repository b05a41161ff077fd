-- ledger_pending, second half (see V280): (tenant_id, pending_id) becomes the key. The identity
-- column stays, so pending ids keep rising past those already named in evidence indexes.
-- ledger_pending_pkey is the name PostgreSQL gave V100's unnamed primary key.
ALTER TABLE ledger_pending DROP CONSTRAINT ledger_pending_pkey;
ALTER TABLE ledger_pending ADD CONSTRAINT pk_ledger_pending PRIMARY KEY (tenant_id, pending_id);
