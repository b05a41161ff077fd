package dev.steward.ledger.tiles;

/** Where a tree node lives: in tile (tileLevel, tileIndex), at in-tile level nodeLevel and position nodeIndex. */
public record TileNode(int tileLevel, long tileIndex, int nodeLevel, long nodeIndex) {
}
