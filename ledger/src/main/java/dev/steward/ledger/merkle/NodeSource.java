package dev.steward.ledger.merkle;

/**
 * Hashes of complete subtrees: {@code node(level, index)} is the Merkle tree hash of the
 * leaves {@code [index * 2^level, (index + 1) * 2^level)}. Callers only ask for nodes whose leaves
 * all exist.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] node(int level, long index);
}
