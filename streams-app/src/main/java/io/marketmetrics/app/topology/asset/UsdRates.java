package io.marketmetrics.app.topology.asset;

import io.marketmetrics.schema.AssetMetrics;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * {@code usdRate(quote)} of METRICS.md: 1 for USD, the configured peg, else the latest USD price this
 * pipeline published for the quote asset (a global store fed by {@code asset-metrics}: the quote usually
 * lives in another partition, and a lookup per trade across the network would cost far more); NaN when none.
 */
final class UsdRates {

    private final Map<String, Double> pegs;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<AssetMetrics>> published;

    UsdRates(Map<String, Double> pegs, ReadOnlyKeyValueStore<String, ValueAndTimestamp<AssetMetrics>> published) {
        this.pegs = pegs;
        this.published = published;
    }

    double rate(String quote) {
        if ("USD".equals(quote)) {
            return 1.0;
        }
        Double peg = pegs.get(quote);
        if (peg != null) {
            return peg;
        }
        ValueAndTimestamp<AssetMetrics> latest = published.get(quote);
        Double price = latest == null ? null : latest.value().getPriceUsd();
        return price == null ? Double.NaN : price;
    }
}
