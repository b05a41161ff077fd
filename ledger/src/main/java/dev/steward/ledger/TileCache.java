package dev.steward.ledger;

import dev.steward.ledger.tiles.TileTree;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recently used hash tiles, expanded. A tree only grows, so the first {@code w} hashes of a stored
 * tile never change once written: a cached tile serves every request that needs at most its width,
 * whether the tile is full or partial. A request for more hashes reloads it.
 */
final class TileCache {

    private record Key(LogId log, int level, long index) {
    }

    private final int capacity;
    private final Map<Key, TileTree> tiles;

    TileCache(int capacity) {
        this.capacity = capacity;
        this.tiles = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TileTree> eldest) {
                return size() > TileCache.this.capacity;
            }
        };
    }

    /** The tile with at least {@code width} hashes, from the cache or else from {@code load} (null if not stored). */
    TileTree get(LogId log, int level, long index, int width, Supplier<byte[]> load) {
        Key key = new Key(log, level, index);
        TileTree t;
        synchronized (tiles) {
            t = tiles.get(key);
        }
        if (t != null && t.width() >= width) {
            return t;
        }
        byte[] stored = load.get();
        if (stored == null) {
            return null;
        }
        TileTree loaded = TileTree.of(stored);
        synchronized (tiles) {
            TileTree now = tiles.get(key);
            if (now == null || now.width() < loaded.width()) {
                tiles.put(key, loaded);
            }
        }
        return loaded;
    }
}
