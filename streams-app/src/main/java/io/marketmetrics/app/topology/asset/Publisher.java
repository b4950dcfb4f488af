package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.Publications;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An evaluation only marks its market and asset pending ({@link Publications}); {@link #flush()}, which runs
 * before each commit, builds each pending key's figures once from its summary, puts them into the queryable
 * figure stores and forwards them. So the output topics get one record per key per commit however many trades
 * moved it, and the figures (the asset's with its 168-point sparkline) are built and serialized once per commit,
 * not once per trade.
 * <p>Why not the DSL's cached {@code toTable()}: after a key-changing {@code process()} it would insert a
 * repartition topic, moving market figures out of their base asset's partition and writing every evaluation
 * through the broker.
 */
final class Publisher {

    /** What the asset stage publishes. */
    enum Kind { MARKET, ASSET }

    private final ProcessorContext<String, SpecificRecord> context;
    private final Publications<Kind> pending;
    private final KeyValueStore<String, MarketMetrics> marketFigures;
    private final KeyValueStore<String, AssetMetrics> assetFigures;
    private final Function<String, MarketMetrics> buildMarket;
    private final Function<String, AssetMetrics> buildAsset;

    /** The builders return null for a key without a summary (nothing to publish). The figure stores must not be cached. */
    Publisher(ProcessorContext<String, SpecificRecord> context, Publications<Kind> pending,
              KeyValueStore<String, MarketMetrics> marketFigures, KeyValueStore<String, AssetMetrics> assetFigures,
              Function<String, MarketMetrics> buildMarket, Function<String, AssetMetrics> buildAsset) {
        this.context = context;
        this.pending = pending;
        this.marketFigures = marketFigures;
        this.assetFigures = assetFigures;
        this.buildMarket = buildMarket;
        this.buildAsset = buildAsset;
    }

    /** Builds, stores and forwards the figures of every pending key, each with its evaluation time as timestamp. */
    void flush() {
        for (String market : pending.take(Kind.MARKET)) {
            MarketMetrics m = buildMarket.apply(market);
            if (m != null) {
                marketFigures.put(market, m);
                context.forward(new Record<>(market, m, m.getUpdatedAt().toEpochMilli()));
            }
        }
        for (String symbol : pending.take(Kind.ASSET)) {
            AssetMetrics a = buildAsset.apply(symbol);
            if (a != null) {
                assetFigures.put(symbol, a);
                context.forward(new Record<>(symbol, a, a.getUpdatedAt().toEpochMilli()));
            }
        }
    }
}
