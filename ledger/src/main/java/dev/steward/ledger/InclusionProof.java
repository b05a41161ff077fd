package dev.steward.ledger;

import java.util.List;

/**
 * Proof that the entry at {@code index} is in the tree of {@code treeSize} entries described by
 * {@code checkpoint} (a signed note; null if the proof was asked for a size other than the latest
 * checkpoint's). Hashes are ordered from the leaf upwards (RFC 9162).
 */
public record InclusionProof(LogId log, long index, long treeSize, byte[] leafHash, List<byte[]> hashes,
        byte[] checkpoint) {

    public InclusionProof {
        hashes = List.copyOf(hashes);
    }
}
