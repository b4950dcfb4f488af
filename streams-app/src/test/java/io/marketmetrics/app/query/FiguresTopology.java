package io.marketmetrics.app.query;

import java.util.Map;
import java.util.Properties;

import io.marketmetrics.app.runtime.AppTopology;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.SpecificAvroSerde;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The figure stores of the metrics topology, filled from figures a test publishes: tables over
 * {@code asset-metrics} and {@code market-metrics} materialized under {@link StoreNames}, Avro in the
 * registry's wire format like the real ones. The query layer cannot tell them apart from the real stores,
 * and each figure is known to the test exactly.
 */
final class FiguresTopology {

    private FiguresTopology() {
    }

    static AppTopology of(TopicNames topics, String registryUrl) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(topics.assetMetrics(), Consumed.with(Serdes.String(), FiguresTopology.<AssetMetrics>serde(registryUrl)),
                Materialized.<String, AssetMetrics, KeyValueStore<Bytes, byte[]>>as(StoreNames.ASSET_METRICS));
        builder.table(topics.marketMetrics(), Consumed.with(Serdes.String(), FiguresTopology.<MarketMetrics>serde(registryUrl)),
                Materialized.<String, MarketMetrics, KeyValueStore<Bytes, byte[]>>as(StoreNames.MARKET_METRICS));
        Properties properties = new Properties();
        // Visible in the stores quickly: no record cache, frequent commits.
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        return new AppTopology(builder.build(), properties, StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS);
    }

    static <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(String registryUrl) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serde;
    }
}
