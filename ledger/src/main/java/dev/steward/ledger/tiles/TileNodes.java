package dev.steward.ledger.tiles;

import dev.steward.ledger.merkle.NodeSource;
import dev.steward.ledger.merkle.Rfc6962;
import java.util.HashMap;
import java.util.Map;

/**
 * Complete-subtree hashes read from tiles: a node at tree level {@code 8l + h} is the root of
 * {@code 2^h} consecutive hashes of a level-{@code l} tile. Caches each tile it reads, so make one
 * instance per operation.
 */
public final class TileNodes implements NodeSource {

    private final TileReader reader;
    private final Map<TileKey, byte[]> cache = new HashMap<>();

    public TileNodes(TileReader reader) {
        this.reader = reader;
    }

    @Override
    public byte[] node(int level, long index) {
        TileNode at = Tiles.nodeCoordsToTileAddress(level, index);
        byte[] tile = cache.computeIfAbsent(new TileKey(at.tileLevel(), at.tileIndex()),
                k -> reader.tile(k.level(), k.index()));
        int count = 1 << at.nodeLevel();
        int offset = (int) (at.nodeIndex() << at.nodeLevel());
        if (tile == null || tile.length < (offset + count) * Rfc6962.HASH_SIZE) {
            throw new IllegalStateException("tile " + at.tileLevel() + "/" + at.tileIndex()
                    + " lacks the hashes of node " + level + "/" + index);
        }
        return Rfc6962.perfectRoot(tile, offset, count);
    }
}
