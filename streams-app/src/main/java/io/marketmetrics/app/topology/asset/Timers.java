package io.marketmetrics.app.topology.asset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An index of things due at a stream time: a window losing its oldest bucket, a candle becoming final.
 * Keys sort by due time, so the due entries are one range read, and only subjects with something due are
 * touched (never every key on every tick).
 */
final class Timers {

    /** What is due; asset windows sort before market windows of the same time (a market's share reads its asset). */
    enum Kind { ASSET_WINDOW, MARKET_WINDOW, MARKET_CANDLE_1M, MARKET_CANDLE_1H, ASSET_CANDLE_1M, ASSET_CANDLE_1H }

    record Timer(long due, Kind kind, long bucket, String subject) {
    }

    private static final byte[] NOTHING = new byte[0];
    private final KeyValueStore<Bytes, byte[]> store;
    /**
     * No timer is due before this time: everything before it was taken by {@link #due}. Reads start here, so they
     * never step over the deletions of what was done, which RocksDB keeps until it compacts them away. Unknown
     * after a start (a first read from the beginning).
     */
    private long from = Long.MIN_VALUE;

    Timers(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    void schedule(Timer timer) {
        store.put(key(timer), NOTHING);
        from = Math.min(from, timer.due());
    }

    void cancel(Timer timer) {
        store.delete(key(timer));
    }

    /** Every timer due at or before {@code time}, in due order. The caller cancels each one it is given. */
    List<Timer> due(long time) {
        List<Timer> due = new ArrayList<>();
        if (time < from) {
            return due;
        }
        try (KeyValueIterator<Bytes, byte[]> it = store.range(from == Long.MIN_VALUE ? null : prefix(from), prefix(time + 1))) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                due.add(parse(kv.key.get()));
            }
        }
        from = time + 1;
        return due;
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
