package dev.steward.ledger.tiles;

import dev.steward.ledger.merkle.MerkleProofs;
import dev.steward.ledger.merkle.NodeSource;
import dev.steward.ledger.merkle.Rfc6962;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grows a tiled tree from {@code size} by a run of leaf hashes: appends them to the level-0 tile,
 * and each tile that becomes full contributes its root to the tile above. The result is the set of
 * tiles to store (at their new widths) and the entry bundles to store.
 *
 * <p>Pure: reads stored tiles and bundles through the given readers and changes nothing itself.
 */
public final class TreeGrowth {

    private final TileReader stored;
    private final TileReader storedBundles;
    private final long startSize;
    private long size;
    private final Map<TileKey, ByteArrayOutputStream> tiles = new LinkedHashMap<>();
    private final Map<Long, ByteArrayOutputStream> bundles = new LinkedHashMap<>();

    /**
     * @param stored reads existing hash tiles
     * @param storedBundles reads existing entry bundles (level ignored); null to leave bundles alone
     * @param size the current tree size
     */
    public TreeGrowth(TileReader stored, TileReader storedBundles, long size) {
        this.stored = stored;
        this.storedBundles = storedBundles;
        this.startSize = size;
        this.size = size;
    }

    /** Appends entries in order; returns the index of the first. */
    public long append(List<byte[]> entries) {
        long first = size;
        for (byte[] entry : entries) {
            if (storedBundles != null) {
                appendToBundle(size, entry);
            }
            addHash(0, size, Rfc6962.leafHash(entry));
            size++;
        }
        return first;
    }

    public long size() {
        return size;
    }

    /** Tiles changed by the appends, with their full new contents. */
    public Map<TileKey, byte[]> changedTiles() {
        Map<TileKey, byte[]> out = new LinkedHashMap<>();
        tiles.forEach((k, v) -> out.put(k, v.toByteArray()));
        return out;
    }

    /** Entry bundles changed by the appends, by bundle index, with their full new contents. */
    public Map<Long, byte[]> changedBundles() {
        Map<Long, byte[]> out = new LinkedHashMap<>();
        bundles.forEach((k, v) -> out.put(k, v.toByteArray()));
        return out;
    }

    /** Node hashes of the grown tree (changed tiles over stored ones). */
    public NodeSource nodes() {
        return new TileNodes((level, index) -> {
            ByteArrayOutputStream t = tiles.get(new TileKey(level, index));
            return t != null ? t.toByteArray() : stored.tile(level, index);
        });
    }

    public byte[] root() {
        return MerkleProofs.root(nodes(), size);
    }

    /** Consistency proof from the starting size (must be > 0) to the grown size. */
    public List<byte[]> consistencyFromStart() {
        return MerkleProofs.consistency(nodes(), startSize, size);
    }

    private void appendToBundle(long index, byte[] entry) {
        long n = index / Tiles.WIDTH;
        ByteArrayOutputStream out = bundles.computeIfAbsent(n, k -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            if (index % Tiles.WIDTH != 0) {
                byte[] existing = storedBundles.tile(0, n);
                if (existing == null || EntryBundle.parse(existing).size() != index % Tiles.WIDTH) {
                    throw new IllegalStateException("entry bundle " + n + " does not end at index " + index);
                }
                b.writeBytes(existing);
            }
            return b;
        });
        EntryBundle.appendTo(out, entry);
    }

    private void addHash(int tileLevel, long position, byte[] hash) {
        long n = position / Tiles.WIDTH;
        int offset = (int) (position % Tiles.WIDTH);
        TileKey key = new TileKey(tileLevel, n);
        ByteArrayOutputStream out = tiles.computeIfAbsent(key, k -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream(Tiles.WIDTH * Rfc6962.HASH_SIZE);
            if (offset != 0) {
                byte[] existing = stored.tile(tileLevel, n);
                if (existing == null || existing.length < offset * Rfc6962.HASH_SIZE) {
                    throw new IllegalStateException("tile " + tileLevel + "/" + n + " lacks hashes before " + offset);
                }
                b.write(existing, 0, offset * Rfc6962.HASH_SIZE);
            }
            return b;
        });
        if (out.size() != offset * Rfc6962.HASH_SIZE) {
            throw new IllegalStateException("tile " + tileLevel + "/" + n + " is not at width " + offset);
        }
        out.writeBytes(hash);
        if (offset == Tiles.WIDTH - 1) {
            addHash(tileLevel + 1, n, Rfc6962.perfectRoot(out.toByteArray(), 0, Tiles.WIDTH));
        }
    }
}
