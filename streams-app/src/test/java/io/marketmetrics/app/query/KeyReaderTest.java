package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStoreWithHeaders;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.ValueTimestampHeaders;
import org.junit.jupiter.api.Test;

/** {@link KeyReader} reads the plain value of a key from each kind of key-value store, and fails once the store is closed. */
class KeyReaderTest {

    @Test
    void readsThePlainValueOfAKeyValueStore() {
        KeyValueStore<String, String> store = open(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("plain"),
                Serdes.String(), Serdes.String()));
        store.put("BTC", "bitcoin");
        assertReads(store);
    }

    @Test
    void readsTheValueWithoutItsTimestampFromATimestampedStore() {
        TimestampedKeyValueStore<String, String> store = open(Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("timestamped"),
                Serdes.String(), Serdes.String()));
        store.put("BTC", ValueAndTimestamp.make("bitcoin", 1_700_000_000_000L));
        assertReads(store);
    }

    @Test
    void readsTheValueWithoutTimestampNorHeadersFromAStoreWithHeaders() {
        TimestampedKeyValueStoreWithHeaders<String, String> store = open(Stores.timestampedKeyValueStoreWithHeadersBuilder(
                Stores.inMemoryKeyValueStore("with-headers"), Serdes.String(), Serdes.String()));
        store.put("BTC", ValueTimestampHeaders.make("bitcoin", 1_700_000_000_000L, new RecordHeaders().add("source", new byte[] {1})));
        assertReads(store);
    }

    private static void assertReads(StateStore store) {
        KeyReader<String> reader = KeyReader.over(store);
        assertThat(reader.get("BTC")).isEqualTo("bitcoin");
        assertThat(reader.get("ETH")).isNull();
        store.close();
        assertThatThrownBy(() -> reader.get("BTC")).isInstanceOf(InvalidStateStoreException.class);
    }

    private static <S extends StateStore> S open(StoreBuilder<S> builder) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "key-reader-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(config);
        S store = builder.withLoggingDisabled().withCachingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
