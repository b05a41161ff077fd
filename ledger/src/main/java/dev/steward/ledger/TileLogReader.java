package dev.steward.ledger;

import dev.steward.ledger.merkle.MerkleProofs;
import dev.steward.ledger.merkle.NodeSource;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.tiles.EntryBundle;
import dev.steward.ledger.tiles.TileNodes;
import dev.steward.ledger.tiles.Tiles;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link LogReader} over the entries and hash tiles in a {@link LogStorage}; each call is one read transaction. */
public final class TileLogReader implements LogReader {

    private static final int CACHED_TILES = 4096;

    private final LogStorage storage;
    /** Full tiles never change, so proofs may reuse them; partial tiles are always read afresh. */
    private final java.util.Map<String, byte[]> fullTiles = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
                    return size() > CACHED_TILES;
                }
            });

    /** Hashes of complete subtrees never change either; caching those of 16+ leaves spares most hashing and tile reads. */
    private final java.util.Map<String, byte[]> subtrees = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, byte[]> eldest) {
                    return size() > 100_000;
                }
            });

    public TileLogReader(LogStorage storage) {
        this.storage = Objects.requireNonNull(storage);
    }

    private NodeSource nodes(StorageTransaction tx, LogId log) {
        TileNodes tiles = new TileNodes((l, i) -> cachedTile(tx, log, l, i));
        return (level, index) -> {
            if (level < 4) {
                return tiles.node(level, index);
            }
            String key = log.value() + "#" + level + "/" + index;
            byte[] h = subtrees.get(key);
            if (h == null) {
                h = tiles.node(level, index);
                subtrees.put(key, h);
            }
            return h.clone();
        };
    }

    private byte[] cachedTile(StorageTransaction tx, LogId log, int level, long index) {
        String key = log.value() + "/" + level + "/" + index;
        byte[] t = fullTiles.get(key);
        if (t == null) {
            t = tx.tile(log, level, index);
            if (t != null && t.length == Tiles.WIDTH * Rfc6962.HASH_SIZE) {
                fullTiles.put(key, t);
            }
        }
        return t;
    }

    private LogState state(StorageTransaction tx, LogId log) {
        return tx.readTree(log).orElseThrow(() -> new UnknownLog("no log " + log));
    }

    @Override
    public long size(LogId log) {
        return storage.inTransaction(tx -> state(tx, log).treeSize());
    }

    @Override
    public Optional<byte[]> latestCheckpoint(LogId log) {
        return storage.inTransaction(tx -> Optional.ofNullable(state(tx, log).checkpoint()));
    }

    @Override
    public Optional<byte[]> checkpoint(LogId log, long treeSize) {
        return storage.inTransaction(tx -> {
            state(tx, log);
            return tx.checkpoint(log, treeSize);
        });
    }

    @Override
    public byte[] tile(LogId log, int level, long index, int width) {
        checkWidth(width);
        return storage.inTransaction(tx -> {
            state(tx, log);
            byte[] t = level < 0 || level > Tiles.MAX_LEVEL || index < 0 ? null : tx.tile(log, level, index);
            if (t == null || t.length < width * Rfc6962.HASH_SIZE) {
                throw new EntryNotFound("tile " + Tiles.tilePath(Math.max(0, Math.min(level, Tiles.MAX_LEVEL)),
                        Math.max(0, index), width) + " of " + log + " does not exist");
            }
            return Arrays.copyOf(t, width * Rfc6962.HASH_SIZE);
        });
    }

    @Override
    public byte[] entryBundle(LogId log, long index, int width) {
        checkWidth(width);
        return storage.inTransaction(tx -> {
            long size = state(tx, log).treeSize();
            if (index < 0 || index > size / Tiles.WIDTH || index * Tiles.WIDTH + width > size) {
                throw new EntryNotFound("entry bundle " + index + " of " + log + " does not have " + width
                        + " integrated entries (size " + size + ")");
            }
            return EntryBundle.encode(tx.sequenced(log, index * Tiles.WIDTH, width));
        });
    }

    @Override
    public byte[] entry(LogId log, long index) {
        return storage.inTransaction(tx -> {
            long size = state(tx, log).treeSize();
            if (index < 0 || index >= size) {
                throw new EntryNotFound("entry " + index + " of " + log + " is not integrated (size " + size + ")");
            }
            return tx.sequenced(log, index, 1).get(0);
        });
    }

    @Override
    public InclusionProof inclusionProof(LogId log, long index, long treeSize) {
        return storage.inTransaction(tx -> {
            LogState s = state(tx, log);
            if (treeSize > s.treeSize()) {
                throw new ProofRequestInvalid("tree size " + treeSize + " exceeds the integrated size " + s.treeSize());
            }
            if (index < 0 || index >= treeSize) {
                throw new ProofRequestInvalid("index " + index + " is not below tree size " + treeSize);
            }
            NodeSource nodes = nodes(tx, log);
            List<byte[]> path = MerkleProofs.inclusion(nodes, index, treeSize);
            byte[] leaf = nodes.node(0, index);
            byte[] checkpoint = treeSize == s.treeSize() ? s.checkpoint() : tx.checkpoint(log, treeSize).orElse(null);
            return new InclusionProof(log, index, treeSize, leaf, path, checkpoint);
        });
    }

    @Override
    public List<byte[]> consistencyProof(LogId log, long size1, long size2) {
        return storage.inTransaction(tx -> {
            LogState s = state(tx, log);
            if (size2 > s.treeSize()) {
                throw new ProofRequestInvalid("tree size " + size2 + " exceeds the integrated size " + s.treeSize());
            }
            if (size1 < 1 || size1 > size2) {
                throw new ProofRequestInvalid("consistency needs 0 < old size <= new size, got " + size1 + " and " + size2);
            }
            return MerkleProofs.consistency(nodes(tx, log), size1, size2);
        });
    }

    private static void checkWidth(int width) {
        if (width < 1 || width > Tiles.WIDTH) {
            throw new ProofRequestInvalid("width " + width + " is not 1..256");
        }
    }
}
