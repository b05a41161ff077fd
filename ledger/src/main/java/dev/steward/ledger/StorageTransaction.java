package dev.steward.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Operations the ledger needs from storage within one transaction. Entries are stored once, by
 * index (entry bundles are built from them on read); hash tiles are stored whole, each at its latest
 * width; the sequenced and tree states of a log are two rows
 * locked separately ({@link #lockSequence}, {@link #lockTree}) so that sequencing does not wait for
 * integration.
 */
public interface StorageTransaction {

    /** Log ids having pending entries or sequenced entries not yet integrated. */
    List<LogId> logsWithWork(int limit);

    /** Whether the log exists (has been created). */
    boolean exists(LogId log);

    /** Locks the log's sequence counter and returns the number of sequenced entries, creating the log at 0 if absent. */
    long lockSequence(LogId log, Instant now);

    /** Sets the number of sequenced entries (the sequence row must be locked). */
    void updateSequence(LogId log, long sequenced, Instant now);

    /** Locks and returns the tree state; empty if the log does not exist. */
    Optional<LogState> lockTree(LogId log);

    /** Reads the tree state without locking; empty if the log does not exist. */
    Optional<LogState> readTree(LogId log);

    /** Stores the new tree state (the tree row must be locked). */
    void updateTree(LogId log, long treeSize, byte[] rootHash, byte[] checkpoint, Instant now);

    /** Queues an entry to be sequenced later; returns its pending id. */
    long addPending(LogId log, byte[] entry, Instant now);

    /** Oldest pending entries of a log, at most {@code limit}. */
    List<Pending> pending(LogId log, int limit);

    /** Deletes pending entries of {@code log} (they were sequenced). */
    void deletePending(LogId log, List<Long> pendingIds);

    /** Stores entries at indices {@code first, first+1, ...}; pendingIds (same length, or null) are remembered for lookup. */
    void insertSequenced(LogId log, long first, List<byte[]> entries, List<Long> pendingIds, Instant now);

    /** Sequenced entries from index {@code from}, in order, at most {@code limit} (fewer if the log ends). */
    List<byte[]> sequenced(LogId log, long from, int limit);

    /** The index given to a pending entry, if it was sequenced. */
    OptionalLong indexOfPending(LogId log, long pendingId);

    /** Of {@code pendingIds}, those sequenced in {@code log}: the index each received. */
    Map<Long, Long> indicesOfPending(LogId log, List<Long> pendingIds);

    /** Of {@code pendingIds}, those still pending in {@code log}: their bytes. */
    Map<Long, byte[]> pendingEntries(LogId log, List<Long> pendingIds);

    /** Of {@code pendingIds}, those sequenced in {@code log}: their bytes and index. */
    Map<Long, LogQueries.QueuedEntry> sequencedOfPending(LogId log, List<Long> pendingIds);

    /** The tree state of every log, by tenant (its bytes unsigned), then name. */
    List<LogState> trees();

    /** Hash tile bytes as stored (any width), or null. */
    byte[] tile(LogId log, int level, long index);

    void putTile(LogId log, int level, long index, byte[] hashes);

    /** Records a published checkpoint. */
    void addCheckpoint(LogId log, long treeSize, byte[] signedNote, Instant now);

    Optional<byte[]> checkpoint(LogId log, long treeSize);

    /** A pending entry: its id and bytes. */
    record Pending(long pendingId, byte[] entry) {
    }
}
