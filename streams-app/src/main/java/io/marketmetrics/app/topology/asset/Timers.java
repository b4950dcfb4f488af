package io.marketmetrics.app.topology.asset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An index of things due at a stream time: a window losing its oldest bucket, a candle becoming final.
 * Timers are grouped by due time, so the due ones are one range of the index, and only subjects with something
 * due are touched (never every key on every tick).
 *
 * <p>The index lives in memory only. Every timer follows from the state, so a task rebuilds it when it starts
 * ({@link AssetStageProcessor}): a subject's window expiry and its open buckets from its summary, the closed
 * buckets not yet final from the candle stores. Which of those were already emitted is told by the one thing the
 * store keeps: the last time the index was swept ({@link #swept()}), written by {@link #flush()} before a
 * commit when it moved: once per commit in a replay, about twice a minute per task when live. Until the ninth
 * session every timer was written (a put when scheduled, a delete when done): 0.4 to 0.85 records per trade at
 * the bench's default size, and most of a restore after losing the state.
 *
 * <p>A store written by the former layout holds the pending timers themselves (keyed by due time, kind, bucket
 * and subject) and no swept time: they are read back once, as exactly what was pending, and deleted at the next
 * flush.
 */
final class Timers {

    /** What is due; asset windows come before market windows of the same time (a market's share reads its asset). */
    enum Kind { ASSET_WINDOW, MARKET_WINDOW, MARKET_CANDLE_1M, MARKET_CANDLE_1H, ASSET_CANDLE_1M, ASSET_CANDLE_1H }

    record Timer(long due, Kind kind, long bucket, String subject) {
    }

    private static final Kind[] KINDS = Kind.values();
    /** The key of the swept time; keys of the former layout are at least 17 bytes long. */
    private static final Bytes SWEPT = Bytes.wrap(new byte[] {'s'});

    private final KeyValueStore<Bytes, byte[]> store;
    /** Every timer scheduled and not cancelled or taken, by due time. */
    private final NavigableMap<Long, Set<Timer>> pending = new TreeMap<>();
    /** Keys of the former layout, deleted at the next flush. */
    private final List<Bytes> formerKeys = new ArrayList<>();
    private long swept = Long.MIN_VALUE;
    private long sweptStored = Long.MIN_VALUE;

    /**
     * An empty index over {@code store}, which tells the last swept time; a store of the former layout puts its
     * pending timers into the index instead.
     */
    Timers(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                if (kv.key.equals(SWEPT)) {
                    swept = ByteBuffer.wrap(kv.value).getLong();
                    sweptStored = swept;
                } else {
                    schedule(parseFormer(kv.key.get()));
                    formerKeys.add(kv.key);
                }
            }
        }
    }

    /**
     * The largest time passed to {@link #takeDue} so far, in this run or (as of the last commit) an earlier one;
     * {@link Long#MIN_VALUE} if none. Every timer due after it is still to come; of the timers a task derives
     * from its state when it starts, the closed buckets' candles due at or before it were emitted.
     */
    long swept() {
        return swept;
    }

    /** Whether the index was read from a store of the former layout, which named the pending timers itself. */
    boolean fromFormerLayout() {
        return !formerKeys.isEmpty();
    }

    void schedule(Timer timer) {
        pending.computeIfAbsent(timer.due(), due -> new LinkedHashSet<>()).add(timer);
    }

    void cancel(Timer timer) {
        Set<Timer> due = pending.get(timer.due());
        if (due != null && due.remove(timer) && due.isEmpty()) {
            pending.remove(timer.due());
        }
    }

    /**
     * Takes every timer due at or before {@code time} out of the index, in due order; those due at the same time by
     * kind, and in the order they were scheduled. (Sorting them fully took 4 % of the stream thread's samples.)
     */
    List<Timer> takeDue(long time) {
        swept = Math.max(swept, time);
        List<Timer> due = new ArrayList<>();
        Iterator<Map.Entry<Long, Set<Timer>>> it = pending.headMap(time, true).entrySet().iterator();
        while (it.hasNext()) {
            Set<Timer> sameTime = it.next().getValue();
            for (Kind kind : KINDS) {
                for (Timer timer : sameTime) {
                    if (timer.kind() == kind) {
                        due.add(timer);
                    }
                }
            }
            it.remove();
        }
        return due;
    }

    /** Writes the swept time if it moved since the last flush (and deletes what the former layout left). */
    void flush() {
        formerKeys.forEach(store::delete);
        formerKeys.clear();
        if (swept != sweptStored) {
            store.put(SWEPT, ByteBuffer.allocate(Long.BYTES).putLong(swept).array());
            sweptStored = swept;
        }
    }

    /** A timer as the former layout keyed it: due time (sign bit flipped), kind, bucket, subject. */
    private static Timer parseFormer(byte[] key) {
        ByteBuffer b = ByteBuffer.wrap(key);
        long due = b.getLong() ^ Long.MIN_VALUE;
        Kind kind = Kind.values()[b.get()];
        long bucket = b.getLong();
        byte[] subject = new byte[b.remaining()];
        b.get(subject);
        return new Timer(due, kind, bucket, new String(subject, StandardCharsets.UTF_8));
    }
}
