package dev.steward.ledger.tiles;

/** Identifies a stored tile or entry bundle regardless of its width. */
public record TileKey(int level, long index) {
}
