package io.marketmetrics.app.topology.asset;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The summaries of one kind (markets' or assets') as objects, in front of their store: a trade reads and changes
 * the object and writes nothing, and {@link #flush()}, before each commit, writes each summary that changed once
 * (serialized once, one changelog record). Through a record cache every trade serialized its two summaries and
 * every first read of a commit deserialized them.
 *
 * <p>The store must not be cached: the flush runs when the record caches may have been flushed already, and its
 * writes must reach the changelog before the commit. Objects of summaries not changed since the last flush are
 * dropped, oldest read first, past {@code capacity}; the changed ones stay until they are written.
 */
final class Summaries<V> {

    private final KeyValueStore<String, V> store;
    private final int capacity;
    /** In the order they were last read or written. */
    private final Map<String, V> objects = new LinkedHashMap<>(16, 0.75f, true);
    /** The changed ones, apart: writing them must not count as reading them (and move them in that order). */
    private final Map<String, V> changed = new HashMap<>();

    Summaries(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.capacity = capacity;
    }

    /**
     * The summary of {@code key}, null if it has none: the object itself, so later reads see a change made to it, but
     * only a change passed to {@link #put} is written to the store.
     */
    V get(String key) {
        V value = objects.get(key);
        if (value == null) {
            value = store.get(key);
            if (value != null) {
                objects.put(key, value);
            }
        }
        return value;
    }

    void put(String key, V value) {
        objects.put(key, value);
        changed.put(key, value);
    }

    /** Writes every summary changed since the last flush to the store, then drops objects past the capacity. */
    void flush() {
        changed.forEach(store::put);
        changed.clear();
        Iterator<V> eldest = objects.values().iterator();
        for (int excess = objects.size() - capacity; excess > 0; excess--) {
            eldest.next();
            eldest.remove();
        }
    }
}
