package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.market.MarketWideFigures;
import io.marketmetrics.schema.AssetMetrics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Takes an asset's rank, NAV and premium from the market-wide stage into the asset stage: keeps them for
 * the asset's next evaluations and re-publishes its latest figures with them (through the asset stage's
 * pending marks, so its publication punctuation forwards them). Shares the asset stage's stores, hence its task.
 */
public final class MarketWideFeedback implements Processor<String, MarketWideFigures, String, SpecificRecord> {

    /** The asset stage's stores this processor reads and writes. */
    public static final String[] STORES = {AssetStage.MARKET_WIDE, StoreNames.MARKET_METRICS, StoreNames.ASSET_METRICS,
        AssetStage.PENDING};

    private KeyValueStore<String, MarketWideFigures> marketWide;
    private KeyValueStore<String, AssetMetrics> assetFigures;
    private Publisher publisher;

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.marketWide = context.getStateStore(AssetStage.MARKET_WIDE);
        this.assetFigures = context.getStateStore(StoreNames.ASSET_METRICS);
        // Only the asset stage's punctuation flushes (and forwards): this processor only marks.
        this.publisher = new Publisher(context, context.getStateStore(StoreNames.MARKET_METRICS), assetFigures,
                context.getStateStore(AssetStage.PENDING));
    }

    @Override
    public void process(Record<String, MarketWideFigures> record) {
        MarketWideFigures figures = record.value();
        marketWide.put(record.key(), figures);
        AssetMetrics latest = assetFigures.get(record.key());
        if (latest != null) {
            publisher.asset(AssetMetrics.newBuilder(latest).setRank(figures.rank()).setNavUsd(figures.navUsd())
                    .setPremiumPct(figures.premiumPct()).build());
        }
    }
}
