package io.marketmetrics.app.topology.hygiene;

import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.StoreSuppliers;
import io.marketmetrics.schema.Trade;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** The hygiene step and its store of accepted (market, trade id) pairs. */
public final class HygieneStage implements ProcessorSupplier<String, Trade, String, SpecificRecord> {

    /** (market, trade id) of accepted trades with their event time, in buckets as long as the dedupe window ({@link HygieneProcessor}). */
    public static final String ACCEPTED_TRADE_IDS = "accepted-trade-ids-store";

    private final MetricsConfig config;
    private final TradeValidator validator;

    public HygieneStage(MetricsConfig config, TradeValidator validator) {
        this.config = config;
        this.validator = validator;
    }

    @Override
    public Processor<String, Trade, String, SpecificRecord> get() {
        return new HygieneProcessor(validator, ACCEPTED_TRADE_IDS, config.grace(), config.dedupeWindow());
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        // Windows as long as the dedupe window: each id at the start of its event time's one, with that time as value
        // (HygieneProcessor). Not cached: every id is written once, so a cache would coalesce nothing.
        return Set.of(Stores.windowStoreBuilder(new StoreSuppliers(config).window(ACCEPTED_TRADE_IDS,
                        HygieneProcessor.retention(config.dedupeWindow(), config.grace()), config.dedupeWindow()),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
    }
}
