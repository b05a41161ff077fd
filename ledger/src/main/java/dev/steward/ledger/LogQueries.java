package dev.steward.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Queries for callers that keep their own index of entries, by the pending id each append
 * returned, and for surveys of every log's tree head. It is how code outside the ledger reads
 * entries it wrote without knowing how the ledger stores them.
 *
 * <p>Guarantees: a lookup names one log and answers only from that log (a pending id of another log
 * is simply absent); an entry committed before the call is found whether it is still queued or
 * already sequenced, even while the integrator moves it.
 */
public interface LogQueries {

    /** The index each of {@code pendingIds} received, for those already sequenced; others are absent. */
    Map<Long, Long> indicesOfPending(LogId log, Collection<Long> pendingIds);

    /** Each of {@code pendingIds} found in {@code log}: its bytes, and its index once sequenced. */
    Map<Long, QueuedEntry> entriesOfPending(LogId log, Collection<Long> pendingIds);

    /** The integrated tree head of every log that has one entry or more, by tenant (its bytes unsigned), then name. */
    List<TreeHead> treeHeads();

    /** An entry found by its pending id; {@code index} is null while it waits to be sequenced. */
    record QueuedEntry(byte[] entry, Long index) {
    }

    /** A log's integrated size and root hash. */
    record TreeHead(LogId log, long size, byte[] rootHash) {
    }
}
