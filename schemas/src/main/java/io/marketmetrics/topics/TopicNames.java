package io.marketmetrics.topics;

import java.util.List;
import java.util.Objects;

/**
 * The one place that names the pipeline's topics (INTERFACES.md, "Topics"), with an optional prefix
 * so that several deployments can share a cluster.
 */
public final class TopicNames {

    private final String prefix;

    public TopicNames(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** Names without a prefix. */
    public static TopicNames unprefixed() {
        return new TopicNames("");
    }

    public String prefix() {
        return prefix;
    }

    public String trades() {
        return prefix + "trades";
    }

    public String assetReference() {
        return prefix + "asset-reference";
    }

    public String indexDefinitions() {
        return prefix + "index-definitions";
    }

    public String exchangeReference() {
        return prefix + "exchange-reference";
    }

    public String assetMetrics() {
        return prefix + "asset-metrics";
    }

    public String marketMetrics() {
        return prefix + "market-metrics";
    }

    public String candles1m() {
        return prefix + "candles-1m";
    }

    public String candles1h() {
        return prefix + "candles-1h";
    }

    public String indexMetrics() {
        return prefix + "index-metrics";
    }

    public String categoryMetrics() {
        return prefix + "category-metrics";
    }

    /**
     * Internal: rank, index NAV and premium that the market-wide stage feeds back to the asset stage, keyed by
     * asset symbol. Read together with {@code trades}, so it needs the same partition count.
     */
    public String assetMarketWide() {
        return prefix + "asset-market-wide";
    }

    public String tradesDlq() {
        return prefix + "trades-dlq";
    }

    /** Input topics that hold reference data: compacted, latest value per key. */
    public List<String> referenceTopics() {
        return List.of(assetReference(), indexDefinitions(), exchangeReference());
    }

    /** Topics the metrics application writes and reads back itself, keyed like {@code trades}: compacted. */
    public List<String> loopbackTopics() {
        return List.of(assetMarketWide());
    }

    /** Output topics that hold the latest figures per key: compacted. */
    public List<String> metricTopics() {
        return List.of(assetMetrics(), marketMetrics(), indexMetrics(), categoryMetrics());
    }

    /** Topics of events kept for a retention time: delete policy. */
    public List<String> eventTopics() {
        return List.of(trades(), candles1m(), candles1h(), tradesDlq());
    }
}
