package io.marketmetrics.app.topology;

import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/** Where the topology's stores live: RocksDB by default, or memory ({@link MetricsConfig#withInMemoryStores()}). */
public final class StoreSuppliers {

    private final boolean inMemory;

    public StoreSuppliers(MetricsConfig config) {
        this.inMemory = config.inMemoryStores();
    }

    public KeyValueBytesStoreSupplier keyValue(String name) {
        return inMemory ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name);
    }

    public WindowBytesStoreSupplier window(String name, Duration retention, Duration windowSize) {
        return inMemory ? Stores.inMemoryWindowStore(name, retention, windowSize, false)
                : Stores.persistentWindowStore(name, retention, windowSize, false);
    }
}
