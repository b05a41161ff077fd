package dev.steward.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link LogQueries} over a {@link LogStorage}. */
final class StoredLogQueries implements LogQueries {

    private final LogStorage storage;

    StoredLogQueries(LogStorage storage) {
        this.storage = Objects.requireNonNull(storage);
    }

    @Override
    public Map<Long, Long> indicesOfPending(LogId log, Collection<Long> pendingIds) {
        Objects.requireNonNull(log, "log");
        if (pendingIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(pendingIds);
        return storage.readOnce(tx -> tx.indicesOfPending(log, ids));
    }

    @Override
    public Map<Long, QueuedEntry> entriesOfPending(LogId log, Collection<Long> pendingIds) {
        Objects.requireNonNull(log, "log");
        if (pendingIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = List.copyOf(pendingIds);
        // Queued first, sequenced second: the integrator inserts an entry's sequenced row and deletes
        // its queued row in one commit, so an entry moving between the two reads is found by the
        // second (and then taken from there), never missed by both.
        return storage.readOnce(tx -> {
            Map<Long, QueuedEntry> found = new HashMap<>();
            tx.pendingEntries(log, ids).forEach((id, entry) -> found.put(id, new QueuedEntry(entry, null)));
            found.putAll(tx.sequencedOfPending(log, ids));
            return found;
        });
    }

    @Override
    public List<TreeHead> treeHeads() {
        return storage.readOnce(tx -> {
            List<TreeHead> heads = new ArrayList<>();
            for (LogState s : tx.trees()) {
                if (s.treeSize() > 0) {
                    heads.add(new TreeHead(s.log(), s.treeSize(), s.rootHash()));
                }
            }
            return heads;
        });
    }
}
