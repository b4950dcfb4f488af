package io.marketmetrics.app.topology.hygiene;

import io.marketmetrics.app.topology.CommitHook;
import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.StoreSuppliers;
import io.marketmetrics.schema.Trade;
import java.time.Duration;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The hygiene step and its store of accepted (market, trade id) pairs. */
public final class HygieneStage implements ProcessorSupplier<String, Trade, String, SpecificRecord> {

    /** (market, trade id) of accepted trades with their event time, in batches ({@link AcceptedTrades}). */
    public static final String ACCEPTED_TRADE_IDS = "accepted-trade-ids-store";
    /** The call before each commit that writes the batch of ids accepted since the last one ({@link CommitHook}). */
    static final String BEFORE_COMMIT = "accepted-trade-ids-commit-hook";

    private final MetricsConfig config;
    private final TradeValidator validator;

    public HygieneStage(MetricsConfig config, TradeValidator validator) {
        this.config = config;
        this.validator = validator;
    }

    @Override
    public Processor<String, Trade, String, SpecificRecord> get() {
        return new HygieneProcessor(validator, config.grace(), config.dedupeWindow());
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        // Windows as long as the dedupe window, each batch at its newest event time (AcceptedTrades). Not cached:
        // each batch is written once, so a cache would coalesce nothing, and it must reach the changelog before the
        // commit it is written for.
        Duration retention = Duration.ofMillis(AcceptedTrades.retentionMs(config.dedupeWindow().toMillis(), config.grace().toMillis()));
        return Set.of(Stores.windowStoreBuilder(new StoreSuppliers(config).window(ACCEPTED_TRADE_IDS, retention, config.dedupeWindow()),
                        Serdes.String(), Serdes.ByteArray()).withCachingDisabled(),
                CommitHook.builder(BEFORE_COMMIT));
    }
}
