package io.marketmetrics.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Properties;

import io.marketmetrics.app.metrics.AppMetrics;
import io.marketmetrics.app.query.LocalInstance;
import io.marketmetrics.app.query.QueryApi;
import io.marketmetrics.app.query.QueryStores;
import io.marketmetrics.app.query.UpdateFeed;
import io.marketmetrics.app.runtime.AppTopology;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A stand-in for the metrics topology in runtime tests: tables over the asset-metrics and
 * market-metrics topics, materialized as the two stores the HTTP API reads. Values are plain Avro
 * binary (no registry), which is all these tests need.
 */
public final class PlaceholderTopology {

    public static final String ASSET_STORE = "test-asset-metrics";
    public static final String MARKET_STORE = "test-market-metrics";
    public static final Serde<AssetMetrics> ASSET_SERDE = Serdes.serdeFrom(
            (topic, v) -> bytes(() -> v.toByteBuffer()), (topic, b) -> read(() -> AssetMetrics.fromByteBuffer(ByteBuffer.wrap(b))));
    public static final Serde<MarketMetrics> MARKET_SERDE = Serdes.serdeFrom(
            (topic, v) -> bytes(() -> v.toByteBuffer()), (topic, b) -> read(() -> MarketMetrics.fromByteBuffer(ByteBuffer.wrap(b))));

    private PlaceholderTopology() {
    }

    public static AppTopology of(TopicNames topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(topics.assetMetrics(), Consumed.with(Serdes.String(), ASSET_SERDE),
                Materialized.<String, AssetMetrics, KeyValueStore<Bytes, byte[]>>as(ASSET_STORE));
        builder.table(topics.marketMetrics(), Consumed.with(Serdes.String(), MARKET_SERDE),
                Materialized.<String, MarketMetrics, KeyValueStore<Bytes, byte[]>>as(MARKET_STORE));
        Properties properties = new Properties();
        // Visible in the stores quickly: no record cache, frequent commits.
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return new AppTopology(builder.build(), properties, ASSET_STORE, MARKET_STORE);
    }

    /**
     * The HTTP API over this topology with no application attached and no Kafka behind it: the live feed
     * keeps retrying quietly, the stores answer 503. With {@code metrics}'s routes and request timing.
     */
    public static QueryApi detachedApi(AppMetrics metrics) {
        TopicNames topics = TopicNames.unprefixed();
        return QueryApi.start("127.0.0.1", 0, new LocalInstance(), of(topics).topology(),
                QueryStores.withFigures(ASSET_STORE, MARKET_STORE),
                new UpdateFeed.Source("127.0.0.1:1", "mock://detached-api", topics), List.of(metrics.routes()),
                metrics.httpRequests());
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static byte[] bytes(IoSupplier<ByteBuffer> write) {
        ByteBuffer buffer = read(write);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static <T> T read(IoSupplier<T> io) {
        try {
            return io.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
