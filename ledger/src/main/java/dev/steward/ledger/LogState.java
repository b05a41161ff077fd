package dev.steward.ledger;

/**
 * Stored state of one log: how many entries are sequenced, how many are integrated into the tree,
 * the tree's root hash and the latest signed checkpoint (null while the tree is empty).
 */
public record LogState(LogId log, long sequenced, long treeSize, byte[] rootHash, byte[] checkpoint) {
}
