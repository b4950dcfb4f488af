package io.marketmetrics.app.topology.asset;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An evaluation only marks its market and asset pending ({@link PendingMarks}); {@link #flush()} (a
 * wall-clock punctuation) builds each pending key's figures once from its summary, puts them into the
 * queryable figure stores and forwards them. So the output topics get one record per key per publish
 * interval however many trades moved it, and the figures (the asset's with its 168-point sparkline) are
 * built and serialized once per interval, not once per trade.
 * <p>Why not the DSL's cached {@code toTable()}: after a key-changing {@code process()} it would insert a
 * repartition topic, moving market figures out of their base asset's partition and writing every evaluation
 * through the broker.
 */
final class Publisher {

    private final ProcessorContext<String, SpecificRecord> context;
    private final PendingMarks pending;
    private final KeyValueStore<String, MarketMetrics> marketFigures;
    private final KeyValueStore<String, AssetMetrics> assetFigures;
    private final Function<String, MarketMetrics> buildMarket;
    private final Function<String, AssetMetrics> buildAsset;

    /** The builders return null for a key without a summary (nothing to publish). */
    Publisher(ProcessorContext<String, SpecificRecord> context, PendingMarks pending,
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
        for (PendingMarks.Mark mark : pending.take()) {
            if (mark.market()) {
                MarketMetrics m = buildMarket.apply(mark.key());
                if (m != null) {
                    marketFigures.put(mark.key(), m);
                    context.forward(new Record<>(mark.key(), m, m.getUpdatedAt().toEpochMilli()));
                }
            } else {
                AssetMetrics a = buildAsset.apply(mark.key());
                if (a != null) {
                    assetFigures.put(mark.key(), a);
                    context.forward(new Record<>(mark.key(), a, a.getUpdatedAt().toEpochMilli()));
                }
            }
        }
    }
}
