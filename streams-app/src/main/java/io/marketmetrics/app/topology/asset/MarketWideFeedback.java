package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.Publications;
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
 * the asset's next evaluations and has its figures re-published with them (it marks the asset pending, and the
 * asset stage's publication builds and forwards them before the commit). Shares the asset stage's stores, hence its task.
 */
public final class MarketWideFeedback implements Processor<String, MarketWideFigures, String, SpecificRecord> {

    /** The asset stage's stores this processor reads and writes. */
    public static final String[] STORES = {AssetStage.MARKET_WIDE, StoreNames.ASSET_METRICS, AssetStage.PENDING};

    private KeyValueStore<String, MarketWideFigures> marketWide;
    private KeyValueStore<String, AssetMetrics> assetFigures;
    private Publications<Publisher.Kind> pending;

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.marketWide = context.getStateStore(AssetStage.MARKET_WIDE);
        this.assetFigures = context.getStateStore(StoreNames.ASSET_METRICS);
        // Only the asset stage's processor publishes: this one only marks.
        this.pending = context.getStateStore(AssetStage.PENDING);
    }

    @Override
    public void process(Record<String, MarketWideFigures> record) {
        MarketWideFigures figures = record.value();
        marketWide.put(record.key(), figures);
        // Published figures mean the asset has a summary to build new ones from; before its first publication
        // its mark is pending already.
        if (assetFigures.get(record.key()) != null) {
            pending.mark(Publisher.Kind.ASSET, record.key());
        }
    }
}
