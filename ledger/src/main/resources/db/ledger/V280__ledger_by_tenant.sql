-- Every ledger table is keyed by the owning tenant's UUID first, so a distributed database (Citus,
-- distribution column tenant_id) keeps each tenant's log on the shard of the tenant's other data
-- and routes every statement about one log to one node (docs/design/ledger-by-tenant.md).
-- log_id stays: it is the log's name in its checkpoint origin, which signed notes already carry.
--
-- Existing rows take their tenant from the log name as the server has always given it: the
-- provider's log is 'provider' (the provider tenant is the nil UUID), a customer's log is the
-- customer tenant's UUID. Any other name fails the cast, and with it the upgrade, rather than
-- guessing. Tables are rebuilt (create, copy, drop, rename) because the old primary keys have no
-- portable names; ledger_pending keeps its identity column and changes in the vendor migration V281.

CREATE TABLE ledger_log_v280 (
    tenant_id   UUID NOT NULL,
    log_id      VARCHAR(200) NOT NULL,
    sequenced   BIGINT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_log PRIMARY KEY (tenant_id, log_id)
);
INSERT INTO ledger_log_v280 (tenant_id, log_id, sequenced, created_at, updated_at)
SELECT CASE WHEN log_id = 'provider' THEN CAST('00000000-0000-0000-0000-000000000000' AS UUID) ELSE CAST(log_id AS UUID) END,
       log_id, sequenced, created_at, updated_at
FROM ledger_log;
DROP TABLE ledger_log;
ALTER TABLE ledger_log_v280 RENAME TO ledger_log;

CREATE TABLE ledger_tree_v280 (
    tenant_id   UUID NOT NULL,
    log_id      VARCHAR(200) NOT NULL,
    tree_size   BIGINT NOT NULL,
    root_hash   BYTEA,
    checkpoint  BYTEA,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_tree PRIMARY KEY (tenant_id, log_id)
);
INSERT INTO ledger_tree_v280 (tenant_id, log_id, tree_size, root_hash, checkpoint, updated_at)
SELECT CASE WHEN log_id = 'provider' THEN CAST('00000000-0000-0000-0000-000000000000' AS UUID) ELSE CAST(log_id AS UUID) END,
       log_id, tree_size, root_hash, checkpoint, updated_at
FROM ledger_tree;
DROP TABLE ledger_tree;
ALTER TABLE ledger_tree_v280 RENAME TO ledger_tree;

CREATE TABLE ledger_entry_v280 (
    tenant_id   UUID NOT NULL,
    log_id      VARCHAR(200) NOT NULL,
    seq         BIGINT NOT NULL,
    entry       BYTEA NOT NULL,
    CONSTRAINT pk_ledger_entry PRIMARY KEY (tenant_id, log_id, seq)
);
INSERT INTO ledger_entry_v280 (tenant_id, log_id, seq, entry)
SELECT CASE WHEN log_id = 'provider' THEN CAST('00000000-0000-0000-0000-000000000000' AS UUID) ELSE CAST(log_id AS UUID) END,
       log_id, seq, entry
FROM ledger_entry;
DROP TABLE ledger_entry;
ALTER TABLE ledger_entry_v280 RENAME TO ledger_entry;

CREATE TABLE ledger_pending_index_v280 (
    tenant_id   UUID NOT NULL,
    pending_id  BIGINT NOT NULL,
    log_id      VARCHAR(200) NOT NULL,
    seq         BIGINT NOT NULL,
    CONSTRAINT pk_ledger_pending_index PRIMARY KEY (tenant_id, pending_id)
);
INSERT INTO ledger_pending_index_v280 (tenant_id, pending_id, log_id, seq)
SELECT CASE WHEN log_id = 'provider' THEN CAST('00000000-0000-0000-0000-000000000000' AS UUID) ELSE CAST(log_id AS UUID) END,
       pending_id, log_id, seq
FROM ledger_pending_index;
DROP TABLE ledger_pending_index;
ALTER TABLE ledger_pending_index_v280 RENAME TO ledger_pending_index;

CREATE TABLE ledger_tile_v280 (
    tenant_id   UUID NOT NULL,
    log_id      VARCHAR(200) NOT NULL,
    tile_level  INTEGER NOT NULL,
    tile_index  BIGINT NOT NULL,
    hashes      BYTEA NOT NULL,
    CONSTRAINT pk_ledger_tile PRIMARY KEY (tenant_id, log_id, tile_level, tile_index)
);
INSERT INTO ledger_tile_v280 (tenant_id, log_id, tile_level, tile_index, hashes)
SELECT CASE WHEN log_id = 'provider' THEN CAST('00000000-0000-0000-0000-000000000000' AS UUID) ELSE CAST(log_id AS UUID) END,
       log_id, tile_level, tile_index, hashes
FROM ledger_tile;
DROP TABLE ledger_tile;
ALTER TABLE ledger_tile_v280 RENAME TO ledger_tile;

CREATE TABLE ledger_checkpoint_v280 (
    tenant_id   UUID NOT NULL,
    log_id      VARCHAR(200) NOT NULL,
    tree_size   BIGINT NOT NULL,
    signed_note BYTEA NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_ledger_checkpoint PRIMARY KEY (tenant_id, log_id, tree_size)
);
INSERT INTO ledger_checkpoint_v280 (tenant_id, log_id, tree_size, signed_note, created_at)
SELECT CASE WHEN log_id = 'provider' THEN CAST('00000000-0000-0000-0000-000000000000' AS UUID) ELSE CAST(log_id AS UUID) END,
       log_id, tree_size, signed_note, created_at
FROM ledger_checkpoint;
DROP TABLE ledger_checkpoint;
ALTER TABLE ledger_checkpoint_v280 RENAME TO ledger_checkpoint;

-- ledger_pending, first half: the tenant column, filled; V281 makes it lead the key.
ALTER TABLE ledger_pending ADD COLUMN tenant_id UUID;
UPDATE ledger_pending SET tenant_id =
    CASE WHEN log_id = 'provider' THEN CAST('00000000-0000-0000-0000-000000000000' AS UUID) ELSE CAST(log_id AS UUID) END;
ALTER TABLE ledger_pending ALTER COLUMN tenant_id SET NOT NULL;
DROP INDEX ledger_pending_log;
CREATE INDEX ledger_pending_log ON ledger_pending (tenant_id, log_id, pending_id);
