package io.marketmetrics.app.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows what a start spends restoring: one line per store partition that had records to replay (how many,
 * how long), a progress line at most every {@link #PROGRESS_EVERY_MS} while restoring, and the records
 * replayed per store since the start ({@link #restoredByStore()}). Called from Kafka Streams' restoring
 * threads, so every field is safe to share.
 */
public final class RestoreProgress implements StateRestoreListener {

    private static final Logger log = LoggerFactory.getLogger(RestoreProgress.class);
    static final long PROGRESS_EVERY_MS = 10_000;

    private final LongSupplier clock;
    private final Map<String, LongAdder> restored = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> started = new ConcurrentHashMap<>();
    private final LongAdder toRestore = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final AtomicLong lastProgress;

    public RestoreProgress() {
        this(System::currentTimeMillis);
    }

    RestoreProgress(LongSupplier clock) {
        this.clock = clock;
        this.lastProgress = new AtomicLong(clock.getAsLong());
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        started.put(partition, clock.getAsLong());
        toRestore.add(Math.max(0, endingOffset - startingOffset));
        log.debug("Restoring {} from {}: offsets {} to {}", store, partition, startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long records) {
        restored.computeIfAbsent(store, s -> new LongAdder()).add(records);
        done.add(records);
        long now = clock.getAsLong();
        long last = lastProgress.get();
        if (now - last >= PROGRESS_EVERY_MS && lastProgress.compareAndSet(last, now)) {
            log.info("Restoring state: {} of at most {} changelog records replayed", done.sum(), toRestore.sum());
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long records) {
        Long start = started.remove(partition);
        if (records > 0) {
            log.info("Restored {} from {}: {} records in {} ms", store, partition, records,
                    start == null ? "?" : clock.getAsLong() - start);
        }
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long records) {
        started.remove(partition);
        log.info("Restoring {} from {} suspended (the partition moved) after {} records", store, partition, records);
    }

    /** Changelog records replayed into each store since the start, by store name; stores with none left out. */
    public Map<String, Long> restoredByStore() {
        Map<String, Long> snapshot = new TreeMap<>();
        restored.forEach((store, n) -> snapshot.put(store, n.sum()));
        return snapshot;
    }
}
