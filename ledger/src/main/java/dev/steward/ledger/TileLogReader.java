package dev.steward.ledger;

import dev.steward.ledger.merkle.MerkleProofs;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.tiles.EntryBundle;
import dev.steward.ledger.merkle.NodeSource;
import dev.steward.ledger.tiles.TileNode;
import dev.steward.ledger.tiles.TileTree;
import dev.steward.ledger.tiles.Tiles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/** {@link LogReader} over the entries and hash tiles in a {@link LogStorage}; each call is one read transaction. */
public final class TileLogReader implements LogReader {

    /** At most 32 MiB of expanded full tiles. */
    private static final int CACHED_TILES = 2048;

    /** The largest integrated size seen per log, with its checkpoint: sizes only grow, and a size's checkpoint never changes. */
    private record Known(long treeSize, byte[] checkpoint) {
    }

    private final LogStorage storage;
    private final TileCache tiles = new TileCache(CACHED_TILES);
    private final Map<LogId, Known> known = new ConcurrentHashMap<>();

    public TileLogReader(LogStorage storage) {
        this.storage = Objects.requireNonNull(storage);
    }

    /** A state at least {@code treeSize} large if the log has one, from memory when one was seen, else read. */
    private Known atLeast(LogId log, long treeSize) {
        Known k = known.get(log);
        if (k != null && k.treeSize() >= treeSize) {
            return k;
        }
        LogState s = storage.inTransaction(tx -> state(tx, log));
        Known read = new Known(s.treeSize(), s.checkpoint());
        return known.merge(log, read, (a, b) -> a.treeSize() >= b.treeSize() ? a : b);
    }

    /** Node hashes of the tree of {@code treeSize} from cached tiles, reading a missing tile in its own transaction. */
    private NodeSource nodes(LogId log, long treeSize) {
        return (level, index) -> {
            TileNode at = Tiles.nodeCoordsToTileAddress(level, index);
            int width = (int) ((at.nodeIndex() + 1) << at.nodeLevel());
            TileTree t = tiles.get(log, at.tileLevel(), at.tileIndex(), width,
                    () -> storage.readOnce(tx -> tx.tile(log, at.tileLevel(), at.tileIndex())));
            if (t == null || t.width() < width) {
                throw new IllegalStateException("tile " + at.tileLevel() + "/" + at.tileIndex()
                        + " lacks the hashes of node " + level + "/" + index);
            }
            return t.node(at.nodeLevel(), at.nodeIndex());
        };
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
        Known k = atLeast(log, treeSize);
        if (treeSize > k.treeSize()) {
            throw new ProofRequestInvalid("tree size " + treeSize + " exceeds the integrated size " + k.treeSize());
        }
        if (index < 0 || index >= treeSize) {
            throw new ProofRequestInvalid("index " + index + " is not below tree size " + treeSize);
        }
        NodeSource nodes = nodes(log, treeSize);
        List<byte[]> path = MerkleProofs.inclusion(nodes, index, treeSize);
        byte[] leaf = nodes.node(0, index);
        byte[] checkpoint = treeSize == k.treeSize() ? k.checkpoint()
                : storage.inTransaction(tx -> tx.checkpoint(log, treeSize)).orElse(null);
        return new InclusionProof(log, index, treeSize, leaf, path, checkpoint);
    }

    @Override
    public List<byte[]> consistencyProof(LogId log, long size1, long size2) {
        Known k = atLeast(log, size2);
        if (size2 > k.treeSize()) {
            throw new ProofRequestInvalid("tree size " + size2 + " exceeds the integrated size " + k.treeSize());
        }
        if (size1 < 1 || size1 > size2) {
            throw new ProofRequestInvalid("consistency needs 0 < old size <= new size, got " + size1 + " and " + size2);
        }
        return MerkleProofs.consistency(nodes(log, size2), size1, size2);
    }

    private static void checkWidth(int width) {
        if (width < 1 || width > Tiles.WIDTH) {
            throw new ProofRequestInvalid("width " + width + " is not 1..256");
        }
    }
}
