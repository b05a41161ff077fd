package dev.steward.ledger.tiles;

import dev.steward.ledger.merkle.Rfc6962;

/**
 * A hash tile with its inner levels computed: level {@code h} holds the roots of the complete
 * {@code 2^h}-hash runs of the tile, so any node inside the tile is a copy, not up to 255 hashes.
 * Immutable; a full tile costs 511 hashes of memory (16 KiB).
 */
public final class TileTree {

    private final int width;
    private final byte[][] levels;

    private TileTree(int width, byte[][] levels) {
        this.width = width;
        this.levels = levels;
    }

    /** Expands stored tile bytes (1..256 hashes). */
    public static TileTree of(byte[] tile) {
        int width = tile.length / Rfc6962.HASH_SIZE;
        byte[][] levels = new byte[Tiles.HEIGHT + 1][];
        levels[0] = java.util.Arrays.copyOf(tile, width * Rfc6962.HASH_SIZE);
        for (int h = 1, n = width / 2; h <= Tiles.HEIGHT; h++, n /= 2) {
            byte[] below = levels[h - 1];
            byte[] row = new byte[n * Rfc6962.HASH_SIZE];
            for (int i = 0; i < n; i++) {
                Rfc6962.nodeHashInto(below, 2 * i * Rfc6962.HASH_SIZE, row, i * Rfc6962.HASH_SIZE);
            }
            levels[h] = row;
        }
        return new TileTree(width, levels);
    }

    /** Number of hashes of the bottom level. */
    public int width() {
        return width;
    }

    /** Root of hashes {@code [index * 2^level, (index + 1) * 2^level)} of the tile; they must all be present. */
    public byte[] node(int level, long index) {
        byte[] row = levels[level];
        int from = Math.toIntExact(index * Rfc6962.HASH_SIZE);
        if (from + Rfc6962.HASH_SIZE > row.length) {
            throw new IllegalStateException("tile of width " + width + " lacks node " + level + "/" + index);
        }
        return java.util.Arrays.copyOfRange(row, from, from + Rfc6962.HASH_SIZE);
    }
}
