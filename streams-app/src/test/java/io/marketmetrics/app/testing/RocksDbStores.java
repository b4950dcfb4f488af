package io.marketmetrics.app.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/** Real RocksDB stores for unit tests of one class: opened in a test's directory, outside any application. */
public final class RocksDbStores {

    private RocksDbStores() {
    }

    /** A key-value store of raw bytes without a changelog; the caller closes it. */
    public static KeyValueStore<Bytes, byte[]> bytes(Path stateDir, String name) {
        return keyValue(stateDir, name, Serdes.Bytes(), Serdes.ByteArray());
    }

    /** A key-value store without a changelog; the caller closes it. */
    public static <K, V> KeyValueStore<K, V> keyValue(Path stateDir, String name, Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context(stateDir, name).getStateStoreContext(), store);
        return store;
    }

    /** A window store of raw values without a changelog; the caller closes it. */
    public static WindowStore<String, byte[]> window(Path stateDir, String name, Duration retention, Duration windowSize) {
        WindowStore<String, byte[]> store = Stores.windowStoreBuilder(Stores.persistentWindowStore(name, retention, windowSize, false),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context(stateDir, name).getStateStoreContext(), store);
        return store;
    }

    private static MockProcessorContext<Object, Object> context(Path stateDir, String name) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, name + "-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new MockProcessorContext<>(config, new TaskId(0, 0), stateDir.toFile());
    }
}
