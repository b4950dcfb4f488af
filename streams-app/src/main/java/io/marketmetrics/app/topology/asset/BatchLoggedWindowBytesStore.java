package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.CommitHook;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorContextUtils;
import org.apache.kafka.streams.processor.internals.RecordBatchingStateRestoreCallback;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.apache.kafka.streams.state.internals.SegmentedWriteBatches;
import org.apache.kafka.streams.state.internals.WindowKeySchema;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A window store's change logging with one changelog record per commit, in place of Kafka Streams' layer that sends
 * one per put. The puts since the last commit are collected, as the store's serialized keys, window starts and
 * values, and sent as one batch record right before the commit: Kafka Streams calls {@link #flushCache()} on every
 * store of a task then, ahead of the producer's flush and the transaction (as for {@link CommitHook}), and once
 * {@link #MAX_BATCH_BYTES} are collected. For the candle stores that is one record per commit instead of one per
 * closed bucket (0.55 per trade at the bench's default density, about 1.6 µs of the stream thread each).
 *
 * <p>The changelog topic stays the window store's own; a batch's key is a window-store changelog key whose store key
 * is {@link #BATCH_KEY} (a key no subject has), numbered so that compaction keeps every batch. Restoring, and keeping
 * a standby replica up to date, go through the inner store's own restore callback: this store registers it wrapped,
 * so that a batch arrives there as the records it holds, with the batch's offset, and any other record (the former
 * layout's, one per put) as it is. Uses Kafka Streams' internal context (4.3), as its own stores do.
 *
 * <p>The puts reach the inner store at the same moment, or earlier once {@link #MAX_HELD_PUTS} are held, in key order
 * and, for RocksDB, as one write batch per segment
 * ({@link SegmentedWriteBatches}): a closed bucket's key lands at a random place in a large memtable, and inserting one
 * at a time cost about 1.7 µs (JMH {@code MemtableOrderBenchmark}: 1.0 µs sorted in a batch; in the bench 3 to 13 %
 * less stream-thread CPU per trade in three A/B pairs, docs/PERFORMANCE.md, eleventh session). Until then the thread
 * that put them reads them here: a point read from the puts held, any other read that may reach one after writing
 * them. Other threads (interactive
 * queries) read the inner store, and so see a put from the commit on (or once the bound is reached), as a consumer
 * of the changelog would.
 *
 * <p>Nothing may write to such a store from a before-commit call ({@link CommitHook}): the stores' caches are
 * flushed in no set order, so a put made after this store's flush would reach the changelog only with the next
 * commit, after the input offsets that caused it were committed.
 */
public final class BatchLoggedWindowBytesStore extends WrappedStateStore<WindowStore<Bytes, byte[]>, byte[], byte[]>
        implements WindowStore<Bytes, byte[]> {

    /** The store key of every batch record: no market id or asset symbol is a single NUL character. */
    static final Bytes BATCH_KEY = Bytes.wrap(new byte[] {0});
    /**
     * A batch is sent early once this big, and the puts held written: well below the 1 MiB of Kafka's default maximum
     * record size, and below half a G1 region (512 KiB at heaps under 2 GiB) with the last put and the batch's buffer,
     * which grows by doubling from 256 bytes: the batch's copy and the producer's buffer for it are then no humongous
     * objects. At 512 KiB they were about 170 per drain in the bench, and each could start a concurrent marking cycle while
     * the old generation was above G1's threshold (docs/PERFORMANCE.md, twelfth session).
     */
    static final int MAX_BATCH_BYTES = 250_000;
    /**
     * The puts held are written to the inner store once this many, before the commit if need be. Held for a whole
     * commit (about 3,600 puts a store at the bench's rate), the drain's second half ran at 74,000 to 79,000 trades/s,
     * the stream thread off its core and not waiting for Kafka for about 15 s of the drain, against 9 s; written every
     * 512 puts, at 108,000 to 124,000 (docs/PERFORMANCE.md, twelfth session).
     */
    static final int MAX_HELD_PUTS = 512;
    private static final byte BATCH_FORMAT = 1;
    /** What a point read finds among the puts held for a key and window with none (a held deletion is null). */
    private static final byte[] NOT_HELD = new byte[0];
    private static final int TIMESTAMP_AND_SEQNUM = Long.BYTES + Integer.BYTES;

    /** A put not yet in the inner store. */
    private record Unwritten(Bytes key, long windowStart) {
    }

    private InternalProcessorContext<?, ?> context;
    /** The puts since the last batch was sent, encoded; empty when none. */
    private final Codec.Out batch = new Codec.Out();
    private long batchNewest = Long.MIN_VALUE;
    private int batchNumber;
    /**
     * The puts not yet written to the inner store, the latest value of each key and window (null: a deletion): at most
     * {@link #MAX_HELD_PUTS}.
     */
    private final Map<Unwritten, byte[]> unwritten = new HashMap<>();
    /**
     * The earliest window start among {@link #unwritten}: a range read that ends before it finds none of them, and
     * leaves them held. Writing them before every range read, those for a window's new high or low a day back too, took
     * 5.1 % of the stream thread at full windows (docs/PERFORMANCE.md, fifteenth session).
     */
    private long heldFrom = Long.MAX_VALUE;
    /** The thread that puts, the only one that reads {@link #unwritten}. */
    private Thread writer;

    public BatchLoggedWindowBytesStore(WindowStore<Bytes, byte[]> inner) {
        super(inner);
    }

    @Override
    public void init(StateStoreContext stateStoreContext, StateStore root) {
        context = ProcessorContextUtils.asInternalProcessorContext(stateStoreContext);
        super.init(registeringUnbatched(context), root);
    }

    @Override
    public void put(Bytes key, byte[] value, long windowStartTimestamp) {
        writer = Thread.currentThread();
        unwritten.put(new Unwritten(key, windowStartTimestamp), value);
        heldFrom = Math.min(heldFrom, windowStartTimestamp);
        append(batch, key, windowStartTimestamp, value);
        batchNewest = Math.max(batchNewest, windowStartTimestamp);
        if (batch.size() >= MAX_BATCH_BYTES) {
            sendBatch();
            writeUnwritten();
        } else if (unwritten.size() >= MAX_HELD_PUTS) {
            writeUnwritten();
        }
    }

    /** Adds a put to a batch: the format byte first, then per put the key, the window start and the value. */
    static void append(Codec.Out batch, Bytes key, long windowStart, byte[] value) {
        if (batch.size() == 0) {
            batch.writeByte(BATCH_FORMAT);
        }
        batch.writeBytes(key.get()).writeLong(windowStart);
        if (value == null) {
            batch.writeInt(-1);
        } else {
            batch.writeBytes(value);
        }
    }

    /** A batch's changelog key: {@link #BATCH_KEY} at the batch's newest window start, with its number. */
    static Bytes batchKey(long newest, int number) {
        return WindowKeySchema.toStoreKeyBinary(BATCH_KEY, newest, number);
    }

    /** Right before each commit: the puts since the last batch, as one changelog record, and into the inner store. */
    @Override
    public void flushCache() {
        if (batch.size() > 0) {
            sendBatch();
        }
        writeUnwritten();
        super.flushCache();
    }

    /** Writes the puts held to the inner store, in the order of its keys. */
    private void writeUnwritten() {
        if (unwritten.isEmpty()) {
            return;
        }
        if (!SegmentedWriteBatches.supports(wrapped())) {
            unwritten.forEach((put, value) -> wrapped().put(put.key(), value, put.windowStart()));
            clearHeld();
            return;
        }
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(unwritten.size());
        unwritten.forEach((put, value) -> {
            records.add(new ConsumerRecord<>(name(), 0, 0L, storeKey(put.key(), put.windowStart()), value));
        });
        clearHeld();
        records.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        SegmentedWriteBatches.write(wrapped(), records);
    }

    private void clearHeld() {
        unwritten.clear();
        heldFrom = Long.MAX_VALUE;
    }

    /** Before a read: whether the calling thread must see the puts held (it made them), which a range read needs written. */
    private boolean holdsPuts() {
        return Thread.currentThread() == writer && !unwritten.isEmpty();
    }

    /**
     * Before a range read of windows starting up to {@code timeTo}: the calling thread's puts written if any may be in
     * the range, so that the inner store's iterator sees them.
     */
    private WindowStore<Bytes, byte[]> forRange(long timeTo) {
        if (holdsPuts() && timeTo >= heldFrom) {
            writeUnwritten();
        }
        return wrapped();
    }

    @Override
    public void close() {
        // Puts not flushed belong to an uncommitted transaction: dropped with it, as they would be from a cache.
        clearHeld();
        super.close();
    }

    private void sendBatch() {
        Bytes key = batchKey(batchNewest, batchNumber);
        batchNumber = (batchNumber + 1) & Integer.MAX_VALUE;
        context.logChange(name(), key, batch.toByteArray(), batchNewest, new RecordHeaders(), wrapped().getPosition());
        batch.clear();
        batchNewest = Long.MIN_VALUE;
    }

    /**
     * The context as the inner store sees it: the same, except that the restore callback it registers gets each
     * batch record as the records it holds.
     */
    private static StateStoreContext registeringUnbatched(InternalProcessorContext<?, ?> context) {
        return (StateStoreContext) Proxy.newProxyInstance(BatchLoggedWindowBytesStore.class.getClassLoader(),
                new Class<?>[] {InternalProcessorContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register") && args != null && args.length >= 2
                            && args[1] instanceof StateRestoreCallback callback) {
                        args = args.clone();
                        args[1] = unbatching(callback);
                    }
                    try {
                        return method.invoke(context, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static RecordBatchingStateRestoreCallback unbatching(StateRestoreCallback callback) {
        if (!(callback instanceof RecordBatchingStateRestoreCallback inner)) {
            throw new IllegalStateException("a batch-logged window store needs a record-batching restore callback, got "
                    + callback.getClass().getName());
        }
        return records -> inner.restoreBatch(unbatched(records));
    }

    /** The records of a changelog batch as read, batch records replaced by the records they hold. */
    static List<ConsumerRecord<byte[], byte[]>> unbatched(Collection<ConsumerRecord<byte[], byte[]>> records) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!isBatch(record.key())) {
                out.add(record);
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(record.value());
            if (b.get() != BATCH_FORMAT) {
                throw new IllegalStateException("a batch record of " + record.topic() + " at offset " + record.offset()
                        + " has an unknown format");
            }
            while (b.hasRemaining()) {
                byte[] key = new byte[b.getInt()];
                b.get(key);
                long start = b.getLong();
                int length = b.getInt();
                byte[] value = null;
                if (length >= 0) {
                    value = new byte[length];
                    b.get(value);
                }
                byte[] storeKey = storeKey(Bytes.wrap(key), start);
                out.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                        record.timestampType(), storeKey.length, value == null ? 0 : value.length, storeKey, value,
                        record.headers(), record.leaderEpoch()));
            }
        }
        return out;
    }

    /** A put's key in the inner store: with sequence number 0, as a window store not retaining duplicates writes it. */
    private static byte[] storeKey(Bytes key, long windowStart) {
        return WindowKeySchema.toStoreKeyBinary(key, windowStart, 0).get();
    }

    private static boolean isBatch(byte[] changelogKey) {
        return changelogKey.length == BATCH_KEY.get().length + TIMESTAMP_AND_SEQNUM && changelogKey[0] == BATCH_KEY.get()[0];
    }

    @Override
    public byte[] fetch(Bytes key, long timestamp) {
        if (holdsPuts()) {
            byte[] held = unwritten.getOrDefault(new Unwritten(key, timestamp), NOT_HELD);
            if (held != NOT_HELD) {
                return held;
            }
        }
        return wrapped().fetch(key, timestamp);
    }

    @Override
    public WindowStoreIterator<byte[]> fetch(Bytes key, long timeFrom, long timeTo) {
        return forRange(timeTo).fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<byte[]> backwardFetch(Bytes key, long timeFrom, long timeTo) {
        return forRange(timeTo).backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return forRange(timeTo).fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetch(Bytes keyFrom, Bytes keyTo, long timeFrom, long timeTo) {
        return forRange(timeTo).backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> fetchAll(long timeFrom, long timeTo) {
        return forRange(timeTo).fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardFetchAll(long timeFrom, long timeTo) {
        return forRange(timeTo).backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> all() {
        return forRange(Long.MAX_VALUE).all();
    }

    @Override
    public KeyValueIterator<Windowed<Bytes>, byte[]> backwardAll() {
        return forRange(Long.MAX_VALUE).backwardAll();
    }
}
