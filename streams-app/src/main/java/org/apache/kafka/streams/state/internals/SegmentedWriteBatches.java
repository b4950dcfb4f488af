package org.apache.kafka.streams.state.internals;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Writes puts into a RocksDB window store as one write batch per segment, the way Kafka Streams 4.3 restores one
 * from its changelog ({@code AbstractRocksDBSegmentedBytesStore.restoreAllInternal}, package-private, hence this
 * class's package). The store's position (for interactive queries with position bounds, which this project does
 * not use) is not moved, as in a restore.
 */
public final class SegmentedWriteBatches {

    private SegmentedWriteBatches() {
    }

    /** Whether {@code store} is a RocksDB window store that {@link #write} can write to. */
    public static boolean supports(WindowStore<Bytes, byte[]> store) {
        return store instanceof RocksDBWindowStore rocks && rocks.wrapped() instanceof AbstractRocksDBSegmentedBytesStore<?>;
    }

    /**
     * Writes {@code records}, each keyed by its store key ({@link WindowKeySchema#toStoreKeyBinary}; a null value
     * deletes), into {@code store}, which {@link #supports}. Later records of the same key win.
     */
    public static void write(WindowStore<Bytes, byte[]> store, Collection<ConsumerRecord<byte[], byte[]>> records) {
        ((AbstractRocksDBSegmentedBytesStore<?>) ((RocksDBWindowStore) store).wrapped()).restoreAllInternal(records);
    }
}
