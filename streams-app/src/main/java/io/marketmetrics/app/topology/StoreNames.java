package io.marketmetrics.app.topology;

/**
 * Names of the state stores that interactive queries read. The asset and market stores live in the task of
 * the BASE asset's partition of {@code trades}: route a market id by its base asset. The index and category
 * stores live in the market-wide stage's single task: route them by their own key, as for any store.
 */
public final class StoreNames {

    /** Key-value, asset symbol -> {@code AssetMetrics}: the latest figures, updated at every evaluation. */
    public static final String ASSET_METRICS = "asset-metrics-store";
    /** Key-value, market id -> {@code MarketMetrics}: the latest figures, updated at every evaluation. */
    public static final String MARKET_METRICS = "market-metrics-store";
    /**
     * Window store (1 minute windows), asset symbol or market id -> {@code calc.Bucket}, including the open,
     * not yet final minute; {@code CandleMapper.toCandle} turns an entry into a {@code Candle}. Kept 3 days.
     */
    public static final String CANDLES_1M = "candles-1m-store";
    /** Window store (1 hour windows), like {@link #CANDLES_1M}. Kept 9 days. */
    public static final String CANDLES_1H = "candles-1h-store";

    /** Key-value, index token symbol -> {@code IndexMetrics}: the latest figures of its basket in force. */
    public static final String INDEX_METRICS = "index-metrics-store";
    /** Key-value, category id -> {@code CategoryMetrics}: the latest figures of the category. */
    public static final String CATEGORY_METRICS = "category-metrics-store";

    private StoreNames() {
    }
}
