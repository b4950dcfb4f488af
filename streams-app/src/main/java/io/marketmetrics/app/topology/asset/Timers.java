package io.marketmetrics.app.topology.asset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An index of things due at a stream time: a window losing its oldest bucket, a candle becoming final.
 * Keys sort by due time, so the due entries are one range of the index, and only subjects with something due
 * are touched (never every key on every tick).
 *
 * <p>The index is held in memory, read whole from its store when the task starts; scheduling and cancelling
 * change only the memory, and {@link #flush()}, before each commit, writes what changed since the last one (a
 * put or a delete per key, one changelog record each). A timer scheduled and done between two flushes is never
 * written: in a replay a commit spans minutes of event time, so many are (at the bench's default size the timers'
 * changelog fell from about 0.8 to 0.4-0.6 records per trade). Through a record cache every change went through the
 * cache's sorted map, every commit looked each dirty key up again to write it, and every sweep copied the due range
 * out of the cache: most of the 17.8 % of the stream thread's samples in the record cache at the bench's default
 * size. The store must not be cached, for the reason {@link Summaries} gives.
 */
final class Timers {

    /** What is due; asset windows sort before market windows of the same time (a market's share reads its asset). */
    enum Kind { ASSET_WINDOW, MARKET_WINDOW, MARKET_CANDLE_1M, MARKET_CANDLE_1H, ASSET_CANDLE_1M, ASSET_CANDLE_1H }

    record Timer(long due, Kind kind, long bucket, String subject) {
    }

    private static final byte[] NOTHING = new byte[0];
    private final KeyValueStore<Bytes, byte[]> store;
    /** Every timer scheduled and not cancelled, by key: in due order. */
    private final NavigableMap<Bytes, Timer> pending = new TreeMap<>();
    /** The keys scheduled or cancelled since the last {@link #flush()}: whether the store holds them. */
    private final Map<Bytes, Boolean> changed = new HashMap<>();

    /** The index of what {@code store} holds. */
    Timers(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                pending.put(kv.key, parse(kv.key.get()));
            }
        }
    }

    void schedule(Timer timer) {
        Bytes key = key(timer);
        // Until a key changes, the store holds it exactly when the index does.
        boolean stored = pending.put(key, timer) != null;
        changed.putIfAbsent(key, stored);
    }

    void cancel(Timer timer) {
        Bytes key = key(timer);
        if (pending.remove(key) != null) {
            changed.putIfAbsent(key, Boolean.TRUE);
        }
    }

    /** Takes every timer due at or before {@code time} out of the index, in due order: each is then cancelled. */
    List<Timer> takeDue(long time) {
        List<Timer> due = new ArrayList<>();
        Iterator<Map.Entry<Bytes, Timer>> it = pending.headMap(prefix(time + 1), false).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Bytes, Timer> e = it.next();
            due.add(e.getValue());
            changed.putIfAbsent(e.getKey(), Boolean.TRUE);
            it.remove();
        }
        return due;
    }

    /** Brings the store in line with the index for every key scheduled or cancelled since the last flush. */
    void flush() {
        changed.forEach((key, stored) -> {
            boolean indexed = pending.containsKey(key);
            if (indexed && !stored) {
                store.put(key, NOTHING);
            } else if (!indexed && stored) {
                store.delete(key);
            }
        });
        changed.clear();
    }

    /** Sorts before every key of a timer due at {@code time} or later, after every key due earlier. */
    private static Bytes prefix(long time) {
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(sortable(time)).array());
    }

    private static Bytes key(Timer t) {
        byte[] subject = t.subject().getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + 1 + Long.BYTES + subject.length)
                .putLong(sortable(t.due())).put((byte) t.kind().ordinal()).putLong(t.bucket()).put(subject).array());
    }

    private static Timer parse(byte[] key) {
        ByteBuffer b = ByteBuffer.wrap(key);
        long due = b.getLong() ^ Long.MIN_VALUE;
        Kind kind = Kind.values()[b.get()];
        long bucket = b.getLong();
        byte[] subject = new byte[b.remaining()];
        b.get(subject);
        return new Timer(due, kind, bucket, new String(subject, StandardCharsets.UTF_8));
    }

    /** Flips the sign bit so that unsigned byte order is signed numeric order. */
    private static long sortable(long v) {
        return v ^ Long.MIN_VALUE;
    }
}
