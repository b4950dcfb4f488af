package io.marketmetrics.app.query;

import java.util.function.Function;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStoreWithHeaders;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.ValueTimestampHeaders;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Reads single keys of one store partition from the store object Kafka Streams holds for it, found once. The view
 * that {@code KafkaStreams.store(...)} returns finds that store again on every {@code get()}: it asks each stream
 * thread for the partition's store, which lists the thread's tasks (a copy taken under the state updater's lock)
 * and wraps the store in a new facade; in a profile of the API benchmark that was 44 % of what a local answer
 * allocated. The store is found through the same checks (the stream thread RUNNING, the task active, the store
 * open), so a reader is as valid as that view was when it was made. After each read it checks that the store is
 * still open (a task closed without a rebalance, because its stream thread died or its partitions were lost, closes
 * its stores), and {@link StoreRouter} keeps a reader only until the application's state next changes and checks
 * after each read that it did not change meanwhile (every rebalance changes it before any task moves).
 */
final class KeyReader<V> {

    /** The partition's store as Kafka Streams holds it (not wrapped for the type asked), found by the usual checks. */
    private static final QueryableStoreType<StateStore> AS_HELD = new QueryableStoreType<>() {
        @Override
        public boolean accepts(StateStore store) {
            return store instanceof ReadOnlyKeyValueStore;
        }

        @Override
        public StateStore create(StateStoreProvider provider, String storeName) {
            return provider.stores(storeName, this).get(0); // the provider throws when no active store has the partition
        }
    };

    private final StateStore store;
    private final Function<String, V> get;

    private KeyReader(StateStore store, Function<String, V> get) {
        this.store = store;
        this.get = get;
    }

    /** @throws InvalidStateStoreException unless the partition's store is active here */
    static <V> KeyReader<V> of(KafkaStreams streams, String store, int partition) {
        return over(streams.store(StoreQueryParameters.fromNameAndType(store, AS_HELD).withPartition(partition)));
    }

    /**
     * The value of {@code key}, null when the store has none.
     *
     * @throws InvalidStateStoreException once the store is closed (its task closed); checked after the read, since an
     *     in-memory store answers null after its close
     */
    V get(String key) {
        V value = get.apply(key);
        if (!store.isOpen()) {
            throw new InvalidStateStoreException("store " + store.name() + " was closed; its partition may have moved");
        }
        return value;
    }

    /**
     * A reader of the plain values of {@code store}, whichever kind of key-value store it is: timestamped stores (the
     * DSL's) keep each value with its timestamp (and headers). Checked in the order of Kafka Streams' own read-only views.
     */
    static <V> KeyReader<V> over(StateStore store) {
        return new KeyReader<>(store, values(store));
    }

    @SuppressWarnings("unchecked")
    private static <V> Function<String, V> values(StateStore store) {
        if (store instanceof TimestampedKeyValueStoreWithHeaders<?, ?> withHeaders) {
            ReadOnlyKeyValueStore<String, ValueTimestampHeaders<V>> typed = (ReadOnlyKeyValueStore<String, ValueTimestampHeaders<V>>) withHeaders;
            return key -> ValueTimestampHeaders.getValueOrNull(typed.get(key));
        }
        if (store instanceof TimestampedKeyValueStore<?, ?> timestamped) {
            ReadOnlyKeyValueStore<String, ValueAndTimestamp<V>> typed = (ReadOnlyKeyValueStore<String, ValueAndTimestamp<V>>) timestamped;
            return key -> ValueAndTimestamp.getValueOrNull(typed.get(key));
        }
        ReadOnlyKeyValueStore<String, V> plain = (ReadOnlyKeyValueStore<String, V>) store;
        return plain::get;
    }
}
