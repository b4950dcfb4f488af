package io.marketmetrics.app.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import io.marketmetrics.schema.AssetMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Business gauges of the watched assets, tagged {@code asset}: price, 24h volume, changes, market cap,
 * and an index token's premium over its NAV. An unknown figure reads NaN. Rows follow the watch list:
 * an asset that leaves it loses its series.
 */
final class AssetGauges {

    private final WatchList watchList;
    private final MultiGauge price;
    private final MultiGauge volume;
    private final MultiGauge change;
    private final MultiGauge marketCap;
    private final MultiGauge premium;

    AssetGauges(MeterRegistry registry, WatchList watchList) {
        this.watchList = watchList;
        this.price = gauge(registry, "mm.asset.price.usd", "Aggregated USD price of a watched asset");
        this.volume = gauge(registry, "mm.asset.volume.24h.usd", "24h USD volume of a watched asset");
        this.change = gauge(registry, "mm.asset.change.pct", "Price change of a watched asset over a period, percent");
        this.marketCap = gauge(registry, "mm.asset.market.cap.usd", "Market cap of a watched asset, USD");
        this.premium = gauge(registry, "mm.index.premium.pct", "Premium (negative: discount) of a watched index token over its NAV, percent");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /** Re-reads the figures of the watched assets among {@code local} (this instance's assets). */
    void update(Collection<AssetMetrics> local) {
        List<AssetMetrics> watched = watchList.select(local);
        price.register(rows(watched, AssetMetrics::getPriceUsd), true);
        volume.register(rows(watched, AssetMetrics::getVolume24hUsd), true);
        marketCap.register(rows(watched, AssetMetrics::getMarketCapUsd), true);
        List<MultiGauge.Row<?>> changes = new ArrayList<>();
        for (AssetMetrics a : watched) {
            changes.add(row(a, "period", "1h", a.getChange1hPct()));
            changes.add(row(a, "period", "24h", a.getChange24hPct()));
            changes.add(row(a, "period", "7d", a.getChange7dPct()));
        }
        change.register(changes, true);
        premium.register(rows(watched.stream().filter(a -> WatchList.isIndexToken(a.getSymbol())).toList(),
                AssetMetrics::getPremiumPct), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<AssetMetrics> assets, Function<AssetMetrics, Double> figure) {
        return assets.stream().<MultiGauge.Row<?>>map(a -> MultiGauge.Row.of(Tags.of("asset", a.getSymbol()), orNaN(figure.apply(a))))
                .toList();
    }

    private static MultiGauge.Row<?> row(AssetMetrics a, String key, String value, Double figure) {
        return MultiGauge.Row.of(Tags.of("asset", a.getSymbol(), key, value), orNaN(figure));
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
