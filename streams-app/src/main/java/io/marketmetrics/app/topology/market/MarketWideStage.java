package io.marketmetrics.app.topology.market;

import io.marketmetrics.app.topology.AvroSerdes;
import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.Publications;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.CategoryMetrics;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.IndexMetrics;
import io.marketmetrics.topics.TopicNames;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The market-wide stage (METRICS.md: rank, categories, index tokens), downstream of the asset stage:
 * <pre>
 * asset figures ─► snapshot ─► market-wide-assets (repartition, 1 partition) ─┐
 * index-definitions ─────────► market-wide-baskets (repartition, 1 partition) ─┴► market-wide stage
 *     ─► index-metrics, category-metrics, and asset-market-wide (rank, NAV, premium) back to the asset stage
 * </pre>
 * Rank is a position among all assets, so one task sees them all; it receives one small record per
 * published asset update (never per trade), and keeps the ranking incrementally ({@link Ranking}).
 */
public final class MarketWideStage implements ProcessorSupplier<String, Object, String, Object> {

    /** Asset symbol -> its latest {@link AssetSnapshot}. */
    static final String ASSETS = "market-wide-assets-store";
    /** (market cap descending, symbol) -> rank ({@link Ranking}). */
    static final String RANKING = "market-ranking-store";
    /** (category, symbol) -> nothing: the members of each category. */
    static final String CATEGORY_MEMBERS = "category-members-store";
    /** (index, effective time) -> basket ({@link IndexBaskets}). */
    static final String BASKETS = "index-baskets-store";
    /** (asset, index) -> nothing: the indexes an asset's update concerns. */
    static final String SUBSCRIPTIONS = "index-subscriptions-store";
    /** Asset symbol -> the {@link MarketWideFigures} last sent to the asset stage. */
    static final String FED_BACK = "market-wide-fed-back-store";
    /** Keys to publish before the next commit ({@link MarketWideProcessor.Kind}). */
    static final String PENDING = "market-wide-publications-store";

    static final String INDEX_SINK = "index-metrics-sink";
    static final String CATEGORY_SINK = "category-metrics-sink";
    static final String FEEDBACK_SINK = "asset-market-wide-sink";

    private final MetricsConfig config;

    private MarketWideStage(MetricsConfig config) {
        this.config = config;
    }

    MetricsConfig config() {
        return config;
    }

    /**
     * Adds the stage to {@code builder}, fed by the asset stage's published figures. Its feedback goes to
     * {@link TopicNames#assetMarketWide()}, which the asset stage reads.
     *
     * @param timeless the extractor of the reference topics (timestamp 0: a basket never moves stream time)
     */
    public static void attach(StreamsBuilder builder, MetricsConfig config, KStream<String, AssetMetrics> figures,
                              TimestampExtractor timeless) {
        TopicNames topics = config.topics();
        Serde<String> keys = Serdes.String();
        Serde<IndexDefinition> definitions = AvroSerdes.value(config);
        KStream<String, Object> assets = figures
                .mapValues(AssetSnapshot::of, Named.as("market-wide-snapshot"))
                .repartition(Repartitioned.with(keys, AssetSnapshot.serde()).withName("market-wide-assets")
                        // One task ranks all assets.
                        .withNumberOfPartitions(1))
                .mapValues(s -> (Object) s, Named.as("market-wide-asset-input"));
        KStream<String, Object> baskets = builder
                .stream(topics.indexDefinitions(), Consumed.with(keys, definitions).withName("index-definitions-source")
                        .withTimestampExtractor(timeless))
                // Baskets go to the same single task as the assets they are made of.
                .repartition(Repartitioned.with(keys, definitions).withName("market-wide-baskets").withNumberOfPartitions(1))
                .mapValues(BasketChange::new, Named.as("market-wide-basket-input"));
        KStream<String, Object> out = assets
                .merge(baskets, Named.as("market-wide-input"))
                .process(new MarketWideStage(config), Named.as("market-wide-stage"));
        // The stage forwards each kind of record to its sink by name.
        out.to(topics.indexMetrics(), Produced.with(keys, erased(AvroSerdes.<IndexMetrics>value(config))).withName(INDEX_SINK));
        out.to(topics.categoryMetrics(), Produced.with(keys, erased(AvroSerdes.<CategoryMetrics>value(config)))
                .withName(CATEGORY_SINK));
        out.to(topics.assetMarketWide(), Produced.with(keys, erased(MarketWideFigures.serde())).withName(FEEDBACK_SINK));
    }

    @Override
    public Processor<String, Object, String, Object> get() {
        return new MarketWideProcessor(this);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(
                cached(ASSETS, Serdes.String(), AssetSnapshot.serde()),
                cached(RANKING, Serdes.Bytes(), Serdes.Integer()),
                cached(CATEGORY_MEMBERS, Serdes.Bytes(), Serdes.ByteArray()),
                cached(BASKETS, Serdes.Bytes(), AvroSerdes.<IndexDefinition>value(config)),
                cached(SUBSCRIPTIONS, Serdes.Bytes(), Serdes.ByteArray()),
                uncached(StoreNames.INDEX_METRICS, Serdes.String(), AvroSerdes.<IndexMetrics>value(config)),
                uncached(StoreNames.CATEGORY_METRICS, Serdes.String(), AvroSerdes.<CategoryMetrics>value(config)),
                uncached(FED_BACK, Serdes.String(), MarketWideFigures.serde()),
                Publications.builder(PENDING, MarketWideProcessor.Kind.class));
    }

    /** Cached, so that changelog writes coalesce per commit. */
    private static <K, V> StoreBuilder<?> cached(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingEnabled();
    }

    /** Written by the publication before a commit, when a cache would hold the writes past it ({@link Publications}). */
    private static <K, V> StoreBuilder<?> uncached(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingDisabled();
    }

    /** Each sink receives only records of its own type (forwarded to it by name). */
    @SuppressWarnings("unchecked")
    private static <T> Serde<Object> erased(Serde<T> serde) {
        return (Serde<Object>) (Serde<?>) serde;
    }
}
