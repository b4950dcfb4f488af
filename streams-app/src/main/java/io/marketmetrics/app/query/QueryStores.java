package io.marketmetrics.app.query;

import io.marketmetrics.app.topology.StoreNames;

/**
 * The state stores the HTTP API reads, by name. A store the running topology lacks makes its
 * endpoints answer 404 with a message saying so, instead of failing: index and category figures
 * come from a market-wide stage that a deployment may not run yet.
 *
 * @param assets     key-value, asset symbol -> AssetMetrics
 * @param markets    key-value, market id -> MarketMetrics, in the base asset's partition
 * @param candles1m  window store of 1-minute buckets, asset symbol or market id -> Bucket, in the base asset's partition
 * @param candles1h  the same with 1-hour buckets
 * @param indexes    key-value, index symbol -> IndexMetrics
 * @param categories key-value, category id -> CategoryMetrics
 */
public record QueryStores(String assets, String markets, String candles1m, String candles1h, String indexes, String categories) {

    /** The stores of the metrics topology. */
    public static QueryStores standard() {
        return new QueryStores(StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS, StoreNames.CANDLES_1M,
                StoreNames.CANDLES_1H, StoreNames.INDEX_METRICS, StoreNames.CATEGORY_METRICS);
    }

    /** The standard stores with the asset and market figures in the given stores. */
    public static QueryStores withFigures(String assets, String markets) {
        QueryStores s = standard();
        return new QueryStores(assets, markets, s.candles1m(), s.candles1h(), s.indexes(), s.categories());
    }
}
