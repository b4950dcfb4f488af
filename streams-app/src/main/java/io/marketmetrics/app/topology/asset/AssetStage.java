package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.AvroSerdes;
import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.Publications;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.StoreSuppliers;
import io.marketmetrics.app.topology.market.MarketWideFigures;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.MarketMetrics;
import java.time.Duration;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.BatchLoggedWindowStoreBuilder;

/**
 * The asset stage's processor and the stores it declares. The key-value stores (one entry per market or asset)
 * written while processing are cached, so their changelog writes coalesce per commit; the figure stores, written
 * by the publication before each commit, are not. The candle-bucket window stores are not: a new
 * bucket per subject and minute keeps filling a record cache with entries never read again, and once it is
 * full Kafka Streams evicts from the store being written, so the small hot caches (summaries) flushed on
 * nearly every put; the bench measured about twice the stream-thread CPU per trade with them cached.
 */
public final class AssetStage implements ProcessorSupplier<String, SpecificRecord, String, SpecificRecord> {

    /** Market id -> its summary ({@link MarketState}). */
    public static final String MARKET_STATE = "market-state-store";
    /** Asset symbol -> its summary ({@link AssetState}). */
    public static final String ASSET_STATE = "asset-state-store";
    /** Asset symbol -> its hourly closes of the completed hours of the sparkline ({@link Closes}). */
    public static final String ASSET_CLOSES = "asset-closes-store";
    /** Asset symbol -> its reference data, from the co-partitioned {@code asset-reference} topic. */
    public static final String ASSET_REFERENCE = "asset-reference-store";
    /** The last time the index of due windows and candles was swept ({@link Timers}). */
    public static final String TIMERS = "timers-store";
    /** Figure keys updated since the last publication, published before each commit ({@link Publisher}). */
    public static final String PENDING = "publications-store";
    /** Asset symbol -> its rank, NAV and premium from the market-wide stage ({@link MarketWideFeedback}). */
    public static final String MARKET_WIDE = "asset-market-wide-store";
    /** Global: exchange id -> its reference data (trade URL template). */
    public static final String EXCHANGE_REFERENCE = "exchange-reference-store";
    /** Global: asset symbol -> its latest published figures, for USD rates of quote assets. */
    public static final String USD_PRICES = "usd-prices-store";

    private final MetricsConfig config;

    public AssetStage(MetricsConfig config) {
        this.config = config;
    }

    MetricsConfig config() {
        return config;
    }

    @Override
    public Processor<String, SpecificRecord, String, SpecificRecord> get() {
        return new AssetStageProcessor(this);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        int window = config.windowMinutes();
        StoreSuppliers stores = new StoreSuppliers(config);
        return Set.of(
                // Summaries: objects in front of them, written before each commit (Summaries).
                Stores.keyValueStoreBuilder(stores.keyValue(MARKET_STATE), Serdes.String(),
                        MarketState.serde(window)).withCachingDisabled(),
                Stores.keyValueStoreBuilder(stores.keyValue(ASSET_STATE), Serdes.String(),
                        AssetState.serde(window)).withCachingDisabled(),
                Stores.keyValueStoreBuilder(stores.keyValue(ASSET_CLOSES), Serdes.String(), Closes.serde()).withCachingEnabled(),
                Stores.keyValueStoreBuilder(stores.keyValue(ASSET_REFERENCE), Serdes.String(),
                        AvroSerdes.<AssetReference>value(config)).withCachingEnabled(),
                // The timer index lives in memory and is derived from the state when a task starts; the store keeps
                // only the last time it was swept, written before a commit when it moved (Timers).
                Stores.keyValueStoreBuilder(stores.keyValue(TIMERS), Serdes.Bytes(), Serdes.ByteArray()).withCachingDisabled(),
                // Written by the publication before a commit, when a cache would hold the writes past it (Publications).
                Stores.keyValueStoreBuilder(stores.keyValue(StoreNames.MARKET_METRICS), Serdes.String(),
                        AvroSerdes.<MarketMetrics>value(config)).withCachingDisabled(),
                Stores.keyValueStoreBuilder(stores.keyValue(StoreNames.ASSET_METRICS), Serdes.String(),
                        AvroSerdes.<AssetMetrics>value(config)).withCachingDisabled(),
                Stores.keyValueStoreBuilder(stores.keyValue(MARKET_WIDE), Serdes.String(),
                        MarketWideFigures.serde()).withCachingEnabled(),
                Publications.builder(PENDING, Publisher.Kind.class),
                // Not cached: see above. Logged with a changelog record per commit, not per bucket
                // (BatchLoggedWindowBytesStore).
                new BatchLoggedWindowStoreBuilder<>(stores.window(StoreNames.CANDLES_1M, config.candleRetention1m(),
                        Duration.ofMinutes(1)), Serdes.String(), BucketSerde.create()),
                new BatchLoggedWindowStoreBuilder<>(stores.window(StoreNames.CANDLES_1H, config.candleRetention1h(),
                        Duration.ofHours(1)), Serdes.String(), BucketSerde.create()));
    }
}
