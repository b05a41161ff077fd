package dev.steward.ledger.tiles;

/** Reads stored tiles: the bytes of tile (level, index) at whatever width is stored, or null if none. */
@FunctionalInterface
public interface TileReader {

    byte[] tile(int level, long index);
}
