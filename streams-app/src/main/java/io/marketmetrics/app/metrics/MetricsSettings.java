package io.marketmetrics.app.metrics;

import java.time.Duration;
import java.util.List;

/**
 * What an instance publishes beyond the Kafka and JVM meters.
 *
 * @param watchedAssets assets that get business gauges; empty: the top {@code topAssets} by rank plus every
 *                      index token
 * @param topAssets     how many ranked assets the default watch list takes
 * @param maxWatched    upper bound of watched assets per instance, whatever the list says: each adds a fixed
 *                      number of series
 * @param maxVenues     upper bound of venues with a feed-age gauge per instance
 * @param refresh       how often gauges read the local stores and new Kafka Streams metrics are bound
 */
public record MetricsSettings(List<String> watchedAssets, int topAssets, int maxWatched, int maxVenues, Duration refresh) {

    public static final int DEFAULT_TOP_ASSETS = 20;
    public static final int DEFAULT_MAX_WATCHED = 50;
    public static final int DEFAULT_MAX_VENUES = 50;

    public MetricsSettings {
        watchedAssets = List.copyOf(watchedAssets);
        if (topAssets < 0 || maxWatched < 0 || maxVenues < 0) {
            throw new IllegalArgumentException("watch and venue bounds must be >= 0");
        }
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("refresh must be > 0, got " + refresh);
        }
    }

    /**
     * Top 20 assets plus index tokens, at most 50 watched assets and 50 venues; refreshed every 15 s, the
     * usual Prometheus scrape interval, so that every scrape sees fresh figures and new Streams tasks' metrics.
     */
    public static MetricsSettings defaults() {
        return new MetricsSettings(List.of(), DEFAULT_TOP_ASSETS, DEFAULT_MAX_WATCHED, DEFAULT_MAX_VENUES, Duration.ofSeconds(15));
    }

    public MetricsSettings withRefresh(Duration value) {
        return new MetricsSettings(watchedAssets, topAssets, maxWatched, maxVenues, value);
    }
}
