package io.marketmetrics.app.topology.hygiene;

import com.carrotsearch.hppc.LongLongHashMap;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.digest.MurmurHash3;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The trades accepted within the dedupe window, for the duplicate check (METRICS.md): each as a 64-bit hash of
 * its (market, trade id) with its event time, in a primitive hash map in memory (16 bytes an id, about 32 with
 * the map's free slots). Two different ids have the same hash with a chance of 2^-64: with a million ids in the
 * window, a trade is taken for a duplicate of another with a chance of about 5e-14.
 *
 * <p>What is accepted goes to the store in batches: {@link #flush()}, before each commit, writes the ids accepted
 * since the last one as one record (and one changelog record), and a batch is written early when it reaches
 * {@link #BATCH_IDS} ids. One record per trade, as the ids were stored until the ninth session, was the largest of
 * the pipeline's changelogs (1.00 record per trade at the bench's default size). A batch is stored at the
 * newest event time it holds, under the key {@code "\0"} and the hex of its first id's hash (unique: an id is
 * accepted again only a window after it was), so that the window store keeps it as long as any of it counts: a
 * batch may span more than a window of event time (a sparse replay with long commits). The index is read from the store at the first trade after a start; entries of the two former layouts
 * (an id per entry, at its own event time with an empty value, or at the start of its window-long bucket with its
 * event time as value) are read with it and drop out with the store's retention.
 */
final class AcceptedTrades {

    /** Ids per batch at most: 4,096 are 64 KiB, well below Kafka's default record size limit of 1 MiB. */
    static final int BATCH_IDS = 4_096;
    private static final char BATCH_PREFIX = '\0';
    private static final byte BATCH_FORMAT = 1;

    private final WindowStore<String, byte[]> store;
    private final long windowMs;
    /** Hash of (market, trade id) -> its event time. */
    private final LongLongHashMap accepted = new LongLongHashMap();
    /** The batch not yet written: hash and event time of each id, in pairs. */
    private long[] batch = new long[64];
    private int batchIds;
    private boolean loaded;
    /** The cutoff of the last eviction: every id accepted before it is gone from the index. */
    private long evictedBefore;

    AcceptedTrades(WindowStore<String, byte[]> store, long windowMs) {
        this.store = store;
        this.windowMs = windowMs;
    }

    /**
     * The window store's retention: a batch, stored at its newest time, needs a window; the former layouts stored an
     * id at the start of its window-long bucket, up to a window before its time.
     */
    static long retentionMs(long windowMs, long graceMs) {
        return 2 * windowMs + graceMs;
    }

    /** The id of a trade: the hash of {@code market + ' ' + tradeId}, the key the store's first layout used. */
    static long id(String market, String tradeId) {
        return hash(market + ' ' + tradeId);
    }

    private static long hash(String key) {
        return MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8))[0];
    }

    /** Whether {@code id} was accepted at an event time at or after {@code from}. */
    boolean acceptedSince(long id, long from, long streamTime) {
        if (!loaded) {
            load(streamTime);
        }
        int slot = accepted.indexOf(id);
        return accepted.indexExists(slot) && accepted.indexGet(slot) >= from;
    }

    /** Records {@code id} as accepted at {@code time}, and forgets what fell out of the window a while ago. */
    void accept(long id, long time, long streamTime) {
        accepted.put(id, time);
        if (2 * batchIds == batch.length) {
            batch = Arrays.copyOf(batch, 2 * batch.length);
        }
        batch[2 * batchIds] = id;
        batch[2 * batchIds + 1] = time;
        if (++batchIds == BATCH_IDS) {
            flush();
        }
        // Evicting scans the whole index: every eighth of a window of stream time.
        long cutoff = streamTime - windowMs;
        if (cutoff - evictedBefore >= windowMs / 8) {
            long before = cutoff;
            accepted.removeAll((key, value) -> value < before);
            evictedBefore = cutoff;
        }
    }

    /** Writes the ids accepted since the last flush as one batch. */
    void flush() {
        if (batchIds == 0) {
            return;
        }
        ByteBuffer value = ByteBuffer.allocate(1 + batchIds * 2 * Long.BYTES).put(BATCH_FORMAT);
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < batchIds; i++) {
            value.putLong(batch[2 * i]).putLong(batch[2 * i + 1]);
            newest = Math.max(newest, batch[2 * i + 1]);
        }
        store.put(BATCH_PREFIX + Long.toHexString(batch[0]), value.array(), newest);
        batchIds = 0;
    }

    /** The number of ids in the index. */
    int size() {
        return accepted.size();
    }

    /** Reads every stored id still within the window at {@code streamTime}. */
    private void load(long streamTime) {
        long from = streamTime - windowMs;
        try (KeyValueIterator<Windowed<String>, byte[]> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, byte[]> kv = it.next();
                String key = kv.key.key();
                ByteBuffer value = ByteBuffer.wrap(kv.value);
                if (!key.isEmpty() && key.charAt(0) == BATCH_PREFIX) {
                    if (value.get() != BATCH_FORMAT) {
                        throw new IllegalStateException("batch " + key + " of store " + store.name() + " has an unknown format");
                    }
                    while (value.hasRemaining()) {
                        remember(value.getLong(), value.getLong(), from);
                    }
                } else {
                    long time = kv.value.length == Long.BYTES ? value.getLong() : kv.key.window().start();
                    remember(hash(key), time, from);
                }
            }
        }
        evictedBefore = from;
        loaded = true;
    }

    private void remember(long id, long time, long from) {
        if (time >= from && time > accepted.getOrDefault(id, Long.MIN_VALUE)) {
            accepted.put(id, time);
        }
    }
}
