package io.marketmetrics.app.query;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.javalin.http.Context;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * The one place that answers "which instance holds this key" (Confluent's MetadataService model):
 * {@link KafkaStreams#queryMetadataForKey} on the partitioning key, then either a read of the
 * local partition's store or the owner's address to forward to; and, for lists, which partitions
 * of a store each instance holds, so that a list costs one call per instance.
 *
 * <p>Stores live in the partition of their record's partitioning key, which is not always the
 * store key: a market ({@code binance:BTC-USDT}) lives in the partition of its base asset
 * ({@code BTC}), like the trades that feed it. Only active stores are read: a standby's copy may lag.
 *
 * <p>Where each key lives is cached until the application's state next changes (every rebalance changes it):
 * {@code queryMetadataForKey} is synchronized in Kafka Streams and allocates on every call, and it was a
 * visible share of each request's work. The cache only says where to look: a local read still goes through
 * {@code store(...withPartition)}, which fails unless the partition is active here, and a forwarded request
 * is checked the same way by its receiver, so an out-of-date entry gives 503, never another key's figures.
 * Single-key reads also keep, per state, the store object of each local partition they read ({@link KeyReader}).
 */
public final class StoreRouter {

    /** The partition of a global store: it is complete on every instance. */
    static final int WHOLE_STORE = -1;
    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();
    // Keys are whatever symbols clients ask for, unknown ones included: past this many a store's cache starts
    // over (an entry is about 100 bytes; 10,000 assets fit).
    private static final int MAX_CACHED_KEYS_PER_STORE = 20_000;

    private final LocalInstance instance;
    private final StoreLayout layout;
    private final Forwarder forwarder;
    private volatile Owners owners = new Owners(-1, Map.of(), Map.of());

    public StoreRouter(LocalInstance instance, StoreLayout layout, Forwarder forwarder) {
        this.instance = instance;
        this.layout = layout;
        this.forwarder = forwarder;
    }

    /** Where the data for {@code partitionKey} lives in {@code store}. */
    public record Location(HostInfo owner, int partition, boolean local) {
    }

    /** True when the running topology has {@code store}. */
    public boolean has(String store) {
        return layout.has(store);
    }

    /** @throws ApiException 503 while the application or the key's partition is not available */
    public Location locate(String store, String partitionKey) {
        return locate(instance.stateChanges(), store, partitionKey);
    }

    /** @param stateChanges the application's count of state changes, read before anything else */
    private Location locate(long stateChanges, String store, String partitionKey) {
        KafkaStreams streams = instance.running();
        if (layout.isGlobal(store)) {
            return new Location(instance.self(), WHOLE_STORE, true);
        }
        Owners cache = owners(stateChanges);
        if (cache == null) {
            return lookUp(streams, store, partitionKey);
        }
        Map<String, Location> ofStore = cache.byStore().computeIfAbsent(store, s -> new ConcurrentHashMap<>());
        Location location = ofStore.get(partitionKey);
        if (location == null) {
            location = lookUp(streams, store, partitionKey);
            if (ofStore.size() >= MAX_CACHED_KEYS_PER_STORE) {
                ofStore.clear();
            }
            ofStore.put(partitionKey, location);
        }
        return location;
    }

    /** What is cached for {@code stateChanges}; null when a later change has been seen already (not to be cached then). */
    private Owners owners(long stateChanges) {
        Owners cache = owners;
        if (cache.stateChanges() == stateChanges) {
            return cache;
        }
        if (cache.stateChanges() > stateChanges) {
            return null;
        }
        cache = new Owners(stateChanges, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        owners = cache;
        return cache;
    }

    private Location lookUp(KafkaStreams streams, String store, String partitionKey) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, partitionKey, KEY_SERIALIZER);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw ApiException.unavailable("no instance holds store " + store + " for key " + partitionKey + " yet");
        }
        HostInfo owner = metadata.activeHost();
        return new Location(owner, metadata.partition(), owner.equals(instance.self()));
    }

    /**
     * The local store partition holding {@code partitionKey}, or empty when the request was
     * forwarded to the owner (whose answer {@code ctx} then already carries).
     */
    public <V> Optional<ReadOnlyKeyValueStore<String, V>> localOrForward(Context ctx, String store, String partitionKey) {
        Location location = locate(store, partitionKey);
        if (!location.local()) {
            forwarder.forward(ctx, location.owner());
            return Optional.empty();
        }
        return Optional.of(localKeyValueStore(store, location.partition()));
    }

    /** Where {@link #getOrForward} left a request: forwarded (the owner's answer is in the context), or the key's value here. */
    public record Read<V>(boolean forwarded, V value) {
    }

    /**
     * The value of {@code key} (null when absent) in key-value store {@code store}, whose keys are their own
     * partitioning key, read here if the key's partition is active here; otherwise the request is forwarded to
     * the owner. The read goes to the store object of the partition ({@link KeyReader}), found once per state
     * of the application; since every rebalance changes that state before it moves any task, a read during
     * which it did not change was a read of the active store, and one during which it did answers 503.
     */
    public <V> Read<V> getOrForward(Context ctx, String store, String key) {
        long stateChanges = instance.stateChanges();
        Location location = locate(stateChanges, store, key);
        if (!location.local()) {
            forwarder.forward(ctx, location.owner());
            return new Read<>(true, null);
        }
        if (location.partition() == WHOLE_STORE) {
            return new Read<>(false, this.<V>localKeyValueStore(store, WHOLE_STORE).get(key));
        }
        V value;
        try {
            value = this.<V>reader(stateChanges, store, location.partition()).get(key);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, location.partition(), e);
        }
        if (instance.stateChanges() != stateChanges) {
            throw ApiException.unavailable("store " + store + " partition " + location.partition() + " may have moved during the read; retry");
        }
        return new Read<>(false, value);
    }

    @SuppressWarnings("unchecked")
    private <V> KeyReader<V> reader(long stateChanges, String store, int partition) {
        KafkaStreams streams = instance.running();
        Owners cache = owners(stateChanges);
        if (cache == null) {
            return keyReader(streams, store, partition);
        }
        Map<Integer, KeyReader<?>> ofStore = cache.readers().computeIfAbsent(store, s -> new ConcurrentHashMap<>());
        // Not computeIfAbsent: finding a store may throw, and then nothing is to be cached.
        KeyReader<?> reader = ofStore.get(partition);
        if (reader == null) {
            reader = keyReader(streams, store, partition);
            ofStore.put(partition, reader);
        }
        return (KeyReader<V>) reader;
    }

    private static <V> KeyReader<V> keyReader(KafkaStreams streams, String store, int partition) {
        try {
            return KeyReader.of(streams, store, partition);
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, partition, e);
        }
    }

    /** Like {@link #localOrForward} for a window store. */
    public <V> Optional<ReadOnlyWindowStore<String, V>> localWindowOrForward(Context ctx, String store, String partitionKey) {
        Location location = locate(store, partitionKey);
        if (!location.local()) {
            forwarder.forward(ctx, location.owner());
            return Optional.empty();
        }
        return Optional.of(local(store, location.partition(), QueryableStoreTypes.windowStore()));
    }

    /** The local store of one partition ({@link #WHOLE_STORE} for a global store). */
    public <V> ReadOnlyKeyValueStore<String, V> localKeyValueStore(String store, int partition) {
        return local(store, partition, QueryableStoreTypes.keyValueStore());
    }

    /**
     * Which partitions of {@code store} each instance holds as active, by the group metadata; for a
     * global store, this instance with {@link #WHOLE_STORE}.
     *
     * @throws ApiException 503 while the application is not running or the store has no owner yet
     */
    public Map<HostInfo, Set<Integer>> partitionsByInstance(String store) {
        KafkaStreams streams = instance.running();
        if (layout.isGlobal(store)) {
            return Map.of(instance.self(), Set.of(WHOLE_STORE));
        }
        Map<HostInfo, Set<Integer>> owners = new HashMap<>();
        TreeSet<Integer> all = new TreeSet<>();
        for (StreamsMetadata client : streams.streamsMetadataForStore(store)) {
            Set<Integer> partitions = new TreeSet<>();
            for (TopicPartition tp : client.topicPartitions()) {
                if (layout.feeds(store, tp.topic())) {
                    partitions.add(tp.partition());
                }
            }
            if (!partitions.isEmpty()) {
                owners.put(client.hostInfo(), partitions);
                all.addAll(partitions);
            }
        }
        // A hole in the numbering is a partition nobody holds (an assignment in flux): a list
        // without it would be silently short.
        if (all.isEmpty() || all.size() != all.last() + 1) {
            throw ApiException.unavailable("partitions of store " + store + " are being reassigned; retry");
        }
        return owners;
    }

    HostInfo self() {
        return instance.self();
    }

    /**
     * Where keys were found, per store, and the readers of local store partitions ({@link KeyReader}), per store and
     * partition, while the application's state-change count was {@code stateChanges}.
     */
    private record Owners(long stateChanges, Map<String, Map<String, Location>> byStore, Map<String, Map<Integer, KeyReader<?>>> readers) {
    }

    /** @throws ApiException 503 while the store partition migrates, restores or is not active here */
    private <T> T local(String store, int partition, QueryableStoreType<T> type) {
        StoreQueryParameters<T> parameters = StoreQueryParameters.fromNameAndType(store, type);
        try {
            return instance.running().store(partition == WHOLE_STORE ? parameters : parameters.withPartition(partition));
        } catch (InvalidStateStoreException e) {
            throw notQueryable(store, partition, e);
        }
    }

    private static ApiException notQueryable(String store, int partition, InvalidStateStoreException e) {
        return ApiException.unavailable("store " + store + " partition " + partition + " not queryable here now: " + e.getMessage());
    }
}
