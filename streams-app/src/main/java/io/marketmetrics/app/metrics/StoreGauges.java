package io.marketmetrics.app.metrics;

import java.util.ArrayList;
import java.util.List;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the venue and asset gauges from this instance's own (active) store partitions, on a schedule
 * rather than at scrape time, so that a scrape never waits for a store scan. While the application is
 * not RUNNING (rebalance, restore) the gauges keep their last values.
 */
final class StoreGauges implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);

    private final KafkaStreams streams;
    private final String assetStore;
    private final String marketStore;
    private final AssetGauges assets;
    private final VenueGauges venues;

    StoreGauges(KafkaStreams streams, String assetStore, String marketStore, AssetGauges assets, VenueGauges venues) {
        this.streams = streams;
        this.assetStore = assetStore;
        this.marketStore = marketStore;
        this.assets = assets;
        this.venues = venues;
    }

    @Override
    public void run() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return;
        }
        try {
            venues.update(StoreGauges.<MarketMetrics>values(streams, marketStore));
            assets.update(StoreGauges.<AssetMetrics>values(streams, assetStore));
        } catch (InvalidStateStoreException e) {
            log.debug("Stores not queryable now, gauges keep their values: {}", e.getMessage());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep refreshing.
            log.warn("Cannot refresh the store gauges", e);
        }
    }

    private static <V> List<V> values(KafkaStreams streams, String store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = streams.store(
                StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())).all()) {
            all.forEachRemaining(kv -> values.add(kv.value));
        }
        return values;
    }
}
