package dev.steward.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Read side of the logs, over integrated entries only. Everything returned is consistent with the
 * latest signed checkpoint at the moment of the call.
 */
public interface LogReader {

    /** Number of integrated entries. @throws UnknownLog */
    long size(LogId log);

    /** The latest signed checkpoint (signed-note bytes), empty if none was signed yet. @throws UnknownLog */
    Optional<byte[]> latestCheckpoint(LogId log);

    /** The signed checkpoint for exactly {@code treeSize}, if one was published. @throws UnknownLog */
    Optional<byte[]> checkpoint(LogId log, long treeSize);

    /** Tile bytes at the given width (256 for a full tile). @throws EntryNotFound if the tile is not that wide yet */
    byte[] tile(LogId log, int level, long index, int width);

    /** Entry bundle bytes at the given width (256 for a full bundle). @throws EntryNotFound */
    byte[] entryBundle(LogId log, long index, int width);

    /** The entry at {@code index}. @throws EntryNotFound if it is not integrated */
    byte[] entry(LogId log, long index);

    /** Inclusion proof of entry {@code index} in the tree of {@code treeSize}. @throws ProofRequestInvalid */
    InclusionProof inclusionProof(LogId log, long index, long treeSize);

    /** Consistency proof from {@code size1} to {@code size2} (empty when equal). @throws ProofRequestInvalid */
    List<byte[]> consistencyProof(LogId log, long size1, long size2);
}
