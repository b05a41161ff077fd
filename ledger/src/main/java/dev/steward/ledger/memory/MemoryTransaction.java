package dev.steward.ledger.memory;

import dev.steward.ledger.LogId;
import dev.steward.ledger.LogQueries;
import dev.steward.ledger.LogState;
import dev.steward.ledger.StorageTransaction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/** A transaction over {@link MemoryState} that records how to undo each change. */
final class MemoryTransaction implements StorageTransaction {

    private final MemoryState s;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    MemoryTransaction(MemoryState state) {
        this.s = state;
    }

    void undo() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
        boolean had = map.containsKey(key);
        V old = map.put(key, value);
        undo.push(() -> {
            if (had) {
                map.put(key, old);
            } else {
                map.remove(key);
            }
        });
    }

    private <K, V> void remove(Map<K, V> map, K key) {
        if (map.containsKey(key)) {
            V old = map.remove(key);
            undo.push(() -> map.put(key, old));
        }
    }

    @Override
    public List<LogId> logsWithWork(int limit) {
        Set<LogId> out = new LinkedHashSet<>();
        s.pending.values().forEach(p -> out.add(p.log()));
        s.sequence.forEach((log, n) -> {
            if (n > s.trees.get(log).size()) {
                out.add(log);
            }
        });
        return new ArrayList<>(out).subList(0, Math.min(limit, out.size()));
    }

    @Override
    public boolean exists(LogId log) {
        return s.sequence.containsKey(log);
    }

    @Override
    public long lockSequence(LogId log, Instant now) {
        if (!s.sequence.containsKey(log)) {
            put(s.sequence, log, 0L);
            put(s.trees, log, new MemoryState.Tree(0, null, null));
            put(s.sequenced, log, new TreeMap<>());
        }
        return s.sequence.get(log);
    }

    @Override
    public void updateSequence(LogId log, long sequenced, Instant now) {
        put(s.sequence, log, sequenced);
    }

    @Override
    public Optional<LogState> lockTree(LogId log) {
        return readTree(log);
    }

    @Override
    public Optional<LogState> readTree(LogId log) {
        MemoryState.Tree t = s.trees.get(log);
        return t == null ? Optional.empty()
                : Optional.of(new LogState(log, s.sequence.get(log), t.size(), t.root(), t.checkpoint()));
    }

    @Override
    public void updateTree(LogId log, long treeSize, byte[] rootHash, byte[] checkpoint, Instant now) {
        put(s.trees, log, new MemoryState.Tree(treeSize, rootHash.clone(), checkpoint.clone()));
    }

    @Override
    public long addPending(LogId log, byte[] entry, Instant now) {
        long id = s.nextPendingId++;
        undo.push(() -> s.nextPendingId--);
        put(s.pending, id, new MemoryState.PendingRow(log, entry.clone()));
        return id;
    }

    @Override
    public List<Pending> pending(LogId log, int limit) {
        List<Pending> out = new ArrayList<>();
        for (var e : s.pending.entrySet()) {
            if (out.size() == limit) {
                break;
            }
            if (e.getValue().log().equals(log)) {
                out.add(new Pending(e.getKey(), e.getValue().entry().clone()));
            }
        }
        return out;
    }

    @Override
    public void deletePending(LogId log, List<Long> pendingIds) {
        for (Long id : pendingIds) {
            MemoryState.PendingRow row = s.pending.get(id);
            if (row != null && row.log().equals(log)) {
                remove(s.pending, id);
            }
        }
    }

    @Override
    public void insertSequenced(LogId log, long first, List<byte[]> entries, List<Long> pendingIds, Instant now) {
        TreeMap<Long, byte[]> seq = s.sequenced.get(log);
        for (int i = 0; i < entries.size(); i++) {
            put(seq, first + i, entries.get(i).clone());
            if (pendingIds != null) {
                put(s.pendingIndex, pendingIds.get(i), List.of(log, first + i));
            }
        }
    }

    @Override
    public List<byte[]> sequenced(LogId log, long from, int limit) {
        List<byte[]> out = new ArrayList<>();
        TreeMap<Long, byte[]> seq = s.sequenced.get(log);
        for (long i = from; i < from + limit && seq.containsKey(i); i++) {
            out.add(seq.get(i).clone());
        }
        return out;
    }

    @Override
    public OptionalLong indexOfPending(LogId log, long pendingId) {
        List<Object> v = s.pendingIndex.get(pendingId);
        return v == null || !v.get(0).equals(log) ? OptionalLong.empty() : OptionalLong.of((Long) v.get(1));
    }

    @Override
    public Map<Long, Long> indicesOfPending(LogId log, List<Long> pendingIds) {
        Map<Long, Long> out = new HashMap<>();
        for (Long id : pendingIds) {
            indexOfPending(log, id).ifPresent(index -> out.put(id, index));
        }
        return out;
    }

    @Override
    public Map<Long, byte[]> pendingEntries(LogId log, List<Long> pendingIds) {
        Map<Long, byte[]> out = new HashMap<>();
        for (Long id : pendingIds) {
            MemoryState.PendingRow row = s.pending.get(id);
            if (row != null && row.log().equals(log)) {
                out.put(id, row.entry().clone());
            }
        }
        return out;
    }

    @Override
    public Map<Long, LogQueries.QueuedEntry> sequencedOfPending(LogId log, List<Long> pendingIds) {
        Map<Long, LogQueries.QueuedEntry> out = new HashMap<>();
        indicesOfPending(log, pendingIds).forEach((id, index) ->
                out.put(id, new LogQueries.QueuedEntry(s.sequenced.get(log).get(index).clone(), index)));
        return out;
    }

    @Override
    public List<LogState> trees() {
        List<LogState> out = new ArrayList<>();
        s.trees.keySet().stream()
                .sorted(Comparator.comparing((LogId l) -> l.tenant().toString()).thenComparing(LogId::value))
                .forEach(log -> readTree(log).ifPresent(out::add));
        return out;
    }

    @Override
    public byte[] tile(LogId log, int level, long index) {
        byte[] t = s.tiles.get(new MemoryState.Key(log, level, index));
        return t == null ? null : t.clone();
    }

    @Override
    public void putTile(LogId log, int level, long index, byte[] hashes) {
        put(s.tiles, new MemoryState.Key(log, level, index), hashes.clone());
    }

    @Override
    public void addCheckpoint(LogId log, long treeSize, byte[] signedNote, Instant now) {
        put(s.checkpoints, new MemoryState.Key(log, 0, treeSize), signedNote.clone());
    }

    @Override
    public Optional<byte[]> checkpoint(LogId log, long treeSize) {
        return Optional.ofNullable(s.checkpoints.get(new MemoryState.Key(log, 0, treeSize))).map(byte[]::clone);
    }
}
