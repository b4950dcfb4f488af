package org.apache.kafka.streams.state.internals;

import io.marketmetrics.app.topology.asset.BatchLoggedWindowBytesStore;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Builds a window store like {@code Stores.windowStoreBuilder}, but logged by {@link BatchLoggedWindowBytesStore}
 * (a changelog record per commit) instead of Kafka Streams' change-logging layer (a record per put). In this
 * package because the metered outer layer, which serializes keys and values and serves interactive queries, has a
 * package-private constructor in Kafka Streams 4.3. Still a {@link WindowStoreBuilder}, so that the changelog topic
 * is created as a window store's (compacted and deleted by time). Not with caching.
 */
public final class BatchLoggedWindowStoreBuilder<K, V> extends WindowStoreBuilder<K, V> {

    private final WindowBytesStoreSupplier supplier;

    public BatchLoggedWindowStoreBuilder(WindowBytesStoreSupplier supplier, Serde<K> keySerde, Serde<V> valueSerde) {
        super(supplier, keySerde, valueSerde, Time.SYSTEM);
        if (supplier.retainDuplicates()) {
            throw new IllegalArgumentException("a batch-logged window store cannot retain duplicates: " + supplier.name());
        }
        this.supplier = supplier;
    }

    @Override
    public WindowStore<K, V> build() {
        if (enableCaching) {
            throw new IllegalStateException("a batch-logged window store is not cached: " + name);
        }
        if (!enableLogging) {
            return super.build();
        }
        return new MeteredWindowStore<>(new BatchLoggedWindowBytesStore(supplier.get()), supplier.windowSize(),
                supplier.metricsScope(), time, keySerde, valueSerde);
    }
}
