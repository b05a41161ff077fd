package dev.steward.ledger.tiles;

/**
 * A tile (or entry bundle) coordinate: level, index and width. Width 256 is a full tile, written
 * without a {@code .p/W} suffix; 1..255 is a partial tile.
 */
public record TileAddress(int level, long index, int width) {

    public TileAddress {
        if (level < 0 || level > Tiles.MAX_LEVEL || index < 0 || width < 1 || width > Tiles.WIDTH) {
            throw new IllegalArgumentException("tile " + level + "/" + index + " width " + width);
        }
    }

    public boolean partial() {
        return width < Tiles.WIDTH;
    }
}
