-- A customer who saved a checkpoint of its log asks for a bundle that proves the log still extends it:
-- the tree size of that checkpoint, kept until the bundle is built (a provider-requested bundle waits
-- for approval).
ALTER TABLE evidence_bundles ADD COLUMN since_size BIGINT;
