package io.marketmetrics.app.bench;

import java.time.Duration;

import io.marketmetrics.app.topology.MetricsConfig;

/** The pipeline's window lengths for a sweep point, with candle retention stretched to what longer windows need. */
final class BenchWindows {

    private BenchWindows() {
    }

    static MetricsConfig apply(MetricsConfig config, int windowMinutes, int sparklineHours) {
        // MetricsConfig's own minimums: the change references read minute candles up to two windows back, and
        // hour candles one sparkline plus one window back.
        Duration oneMinute = max(config.candleRetention1m(), Duration.ofMinutes(2L * windowMinutes + 60).plus(config.grace()));
        Duration oneHour = max(config.candleRetention1h(),
                Duration.ofHours(sparklineHours + 1L).plusMinutes(windowMinutes).plus(config.grace()));
        // Retention first: the window lengths are checked against it.
        return config.withCandleRetention(oneMinute, oneHour).withWindowLengths(windowMinutes, sparklineHours);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
