-- ledger_pending, second half (see V280): (tenant_id, pending_id) becomes the key. The identity
-- column stays, so pending ids keep rising past those already named in evidence indexes.
ALTER TABLE ledger_pending DROP PRIMARY KEY;
ALTER TABLE ledger_pending ADD CONSTRAINT pk_ledger_pending PRIMARY KEY (tenant_id, pending_id);
