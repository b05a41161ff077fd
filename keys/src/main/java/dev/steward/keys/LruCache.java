package dev.steward.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** A bounded map that forgets the least recently used entry first. Thread-safe. */
final class LruCache<K, V> {

    private final LinkedHashMap<K, V> map;

    LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1");
        }
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return map.get(key);
    }

    synchronized void put(K key, V value) {
        map.put(key, value);
    }

    synchronized void remove(K key) {
        map.remove(key);
    }

    synchronized void removeIf(Predicate<K> which) {
        map.keySet().removeIf(which);
    }

    synchronized int size() {
        return map.size();
    }
}
