package dev.steward.ledger.memory;

import dev.steward.ledger.LogId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The maps behind {@link MemoryLogStorage}; guarded by its lock. */
final class MemoryState {

    record Tree(long size, byte[] root, byte[] checkpoint) {
    }

    record PendingRow(LogId log, byte[] entry) {
    }

    record Key(LogId log, int level, long index) {
    }

    final Map<LogId, Long> sequence = new HashMap<>();
    final Map<LogId, Tree> trees = new HashMap<>();
    final TreeMap<Long, PendingRow> pending = new TreeMap<>();
    final Map<LogId, TreeMap<Long, byte[]>> sequenced = new HashMap<>();
    final Map<Long, List<Object>> pendingIndex = new HashMap<>();
    final Map<Key, byte[]> tiles = new HashMap<>();
    final Map<Key, byte[]> checkpoints = new HashMap<>();
    long nextPendingId = 1;
}
