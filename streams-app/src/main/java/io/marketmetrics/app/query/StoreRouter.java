package io.marketmetrics.app.query;

import java.util.Optional;

import io.javalin.http.Context;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The one place that answers "which instance holds this key" (Confluent's MetadataService model):
 * {@link KafkaStreams#queryMetadataForKey} on the partitioning key, then either a read of the
 * local partition's store or the owner's address to forward to.
 *
 * <p>Stores live in the partition of their record's partitioning key, which is not always the
 * store key: a market ({@code binance:BTC-USDT}) lives in the partition of its base asset
 * ({@code BTC}), like the trades that feed it.
 */
public final class StoreRouter {

    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

    private final LocalInstance instance;
    private final Forwarder forwarder;

    public StoreRouter(LocalInstance instance, Forwarder forwarder) {
        this.instance = instance;
        this.forwarder = forwarder;
    }

    /** Where the data for {@code partitionKey} lives in {@code store}. */
    public record Location(HostInfo owner, int partition, boolean local) {
    }

    /** @throws ApiException 503 while the application or the key's partition is not available */
    public Location locate(String store, String partitionKey) {
        KafkaStreams streams = instance.running();
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

    /** The local store of one partition. @throws ApiException 503 while it migrates or restores */
    public <V> ReadOnlyKeyValueStore<String, V> localKeyValueStore(String store, int partition) {
        try {
            return instance.running().store(StoreQueryParameters
                    .fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(partition));
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("store " + store + " partition " + partition + " not queryable now: " + e.getMessage());
        }
    }
}
