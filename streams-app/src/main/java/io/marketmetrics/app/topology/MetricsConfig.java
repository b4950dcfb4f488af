package io.marketmetrics.app.topology;

import io.marketmetrics.topics.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the metrics topology is built from: topic names, the Avro serde settings, and the parameters of
 * METRICS.md. Immutable; {@code with...} returns a changed copy.
 */
public final class MetricsConfig {

    /** Stablecoins priced at their peg (METRICS.md, "USD conversion"). */
    public static final Map<String, Double> DEFAULT_PEGS = Map.of("USDT", 1.0, "USDC", 1.0, "FDUSD", 1.0, "DAI", 1.0);

    private final TopicNames topics;
    private final Map<String, Object> serdeConfig;
    private final Map<String, Double> peggedQuotes;
    private final Duration grace;
    private final Duration dedupeWindow;
    private final double outlierThreshold;
    private final Duration futureTolerance;
    private final int windowMinutes;
    private final int sparklineHours;
    private final Duration candleRetention1m;
    private final Duration candleRetention1h;
    private final Duration publishInterval;
    private final Duration liveLag;
    private final boolean inMemoryStores;

    private MetricsConfig(TopicNames topics, Map<String, Object> serdeConfig, Map<String, Double> peggedQuotes,
                          Duration grace, Duration dedupeWindow, double outlierThreshold, Duration futureTolerance,
                          int windowMinutes, int sparklineHours, Duration candleRetention1m, Duration candleRetention1h,
                          Duration publishInterval, Duration liveLag, boolean inMemoryStores) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.serdeConfig = Map.copyOf(serdeConfig);
        this.peggedQuotes = Map.copyOf(peggedQuotes);
        this.grace = positive(grace, "grace");
        this.dedupeWindow = positive(dedupeWindow, "dedupe window");
        this.futureTolerance = positive(futureTolerance, "future tolerance");
        if (!(outlierThreshold > 0)) {
            throw new IllegalArgumentException("outlier threshold must be > 0: " + outlierThreshold);
        }
        this.outlierThreshold = outlierThreshold;
        if (windowMinutes < 2 || sparklineHours < 1) {
            throw new IllegalArgumentException("window lengths must be >= 2 minutes and >= 1 hour");
        }
        this.windowMinutes = windowMinutes;
        this.sparklineHours = sparklineHours;
        // A trade within grace must land inside its window; the changes read minute candles of up to two windows ago.
        if (grace.toMinutes() >= windowMinutes) {
            throw new IllegalArgumentException("grace " + grace + " must be shorter than the window of " + windowMinutes + " min");
        }
        Duration minimum1m = Duration.ofMinutes(2L * windowMinutes + 60).plus(grace);
        if (candleRetention1m.compareTo(minimum1m) < 0) {
            throw new IllegalArgumentException("1m candle retention must be >= " + minimum1m + ": " + candleRetention1m);
        }
        Duration minimum1h = Duration.ofHours(sparklineHours + 1L).plusMinutes(windowMinutes).plus(grace);
        if (candleRetention1h.compareTo(minimum1h) < 0) {
            throw new IllegalArgumentException("1h candle retention must be >= " + minimum1h + ": " + candleRetention1h);
        }
        this.candleRetention1m = candleRetention1m;
        this.candleRetention1h = candleRetention1h;
        this.publishInterval = positive(publishInterval, "publish interval");
        this.liveLag = positive(liveLag, "live lag");
        this.inMemoryStores = inMemoryStores;
        if (windowMinutes >= sparklineHours * 60) {
            throw new IllegalArgumentException("the sparkline must be longer than the window (the 24h change reads it)");
        }
    }

    /**
     * METRICS.md's defaults: pegs USDT, USDC, FDUSD, DAI at 1.0; grace 5 min; dedupe window 1 h; outlier
     * threshold 10 %; future tolerance 5 min; 1 440 minute window; 168 hour sparkline; 1m candles kept
     * 3 days and 1h candles 9 days (queries need 2 and 8; the change references read one window further back);
     * figures published at each commit, and at least every 100 ms while the input is live (its newest trade at most
     * 30 s old).
     *
     * @param serdeConfig settings of the Avro serde, e.g. {@code schema.registry.url}
     */
    public static MetricsConfig defaults(TopicNames topics, Map<String, Object> serdeConfig) {
        return new MetricsConfig(topics, serdeConfig, DEFAULT_PEGS, Duration.ofMinutes(5), Duration.ofHours(1), 0.10,
                Duration.ofMinutes(5), 1440, 168, Duration.ofDays(3), Duration.ofDays(9), Duration.ofMillis(100),
                Duration.ofSeconds(30), false);
    }

    public MetricsConfig withPeggedQuotes(Map<String, Double> pegs) {
        return new MetricsConfig(topics, serdeConfig, pegs, grace, dedupeWindow, outlierThreshold, futureTolerance,
                windowMinutes, sparklineHours, candleRetention1m, candleRetention1h, publishInterval, liveLag, inMemoryStores);
    }

    /** The default pegs plus (or overridden by) {@code symbol} at {@code usdRate}. */
    public MetricsConfig withPeggedQuote(String symbol, double usdRate) {
        Map<String, Double> pegs = new HashMap<>(peggedQuotes);
        pegs.put(symbol, usdRate);
        return withPeggedQuotes(pegs);
    }

    public MetricsConfig withGrace(Duration value) {
        return new MetricsConfig(topics, serdeConfig, peggedQuotes, value, dedupeWindow, outlierThreshold, futureTolerance,
                windowMinutes, sparklineHours, candleRetention1m, candleRetention1h, publishInterval, liveLag, inMemoryStores);
    }

    public MetricsConfig withDedupeWindow(Duration value) {
        return new MetricsConfig(topics, serdeConfig, peggedQuotes, grace, value, outlierThreshold, futureTolerance,
                windowMinutes, sparklineHours, candleRetention1m, candleRetention1h, publishInterval, liveLag, inMemoryStores);
    }

    public MetricsConfig withOutlierThreshold(double value) {
        return new MetricsConfig(topics, serdeConfig, peggedQuotes, grace, dedupeWindow, value, futureTolerance,
                windowMinutes, sparklineHours, candleRetention1m, candleRetention1h, publishInterval, liveLag, inMemoryStores);
    }

    public MetricsConfig withFutureTolerance(Duration value) {
        return new MetricsConfig(topics, serdeConfig, peggedQuotes, grace, dedupeWindow, outlierThreshold, value,
                windowMinutes, sparklineHours, candleRetention1m, candleRetention1h, publishInterval, liveLag, inMemoryStores);
    }

    /** The 24h window in minute buckets and the sparkline in hour buckets. */
    public MetricsConfig withWindowLengths(int windowMinutes, int sparklineHours) {
        return new MetricsConfig(topics, serdeConfig, peggedQuotes, grace, dedupeWindow, outlierThreshold, futureTolerance,
                windowMinutes, sparklineHours, candleRetention1m, candleRetention1h, publishInterval, liveLag, inMemoryStores);
    }

    public MetricsConfig withCandleRetention(Duration oneMinute, Duration oneHour) {
        return new MetricsConfig(topics, serdeConfig, peggedQuotes, grace, dedupeWindow, outlierThreshold, futureTolerance,
                windowMinutes, sparklineHours, oneMinute, oneHour, publishInterval, liveLag, inMemoryStores);
    }

    /**
     * Stores in memory instead of RocksDB (still backed by changelogs): restores replay the whole changelog at
     * start. For small deployments and for tests, where the test driver's commit after every record would
     * flush RocksDB every time.
     */
    public MetricsConfig withInMemoryStores() {
        return new MetricsConfig(topics, serdeConfig, peggedQuotes, grace, dedupeWindow, outlierThreshold, futureTolerance,
                windowMinutes, sparklineHours, candleRetention1m, candleRetention1h, publishInterval, liveLag, true);
    }

    public boolean inMemoryStores() {
        return inMemoryStores;
    }

    /**
     * The longest wall-clock time the figures of keys that changed wait for their publication while the input is
     * live ({@link #liveLag()}): they are published at each commit, and a commit is asked for when they have waited
     * this long (for longer commit intervals).
     */
    public Duration publishInterval() {
        return publishInterval;
    }

    /**
     * How far a task's stream time (its newest trade's event time) may be behind the wall clock for its input to be
     * live. Input further behind (a replay of history, a backlog after an outage) is catching up: its figures are
     * published at each commit only. That matters with a commit interval longer than the publish interval
     * ({@link TopologyStreamsConfig}): catching up then commits less often, which leaves the stream thread more
     * time for the trades.
     */
    public Duration liveLag() {
        return liveLag;
    }

    public TopicNames topics() {
        return topics;
    }

    public Map<String, Object> serdeConfig() {
        return serdeConfig;
    }

    public Map<String, Double> peggedQuotes() {
        return peggedQuotes;
    }

    public Duration grace() {
        return grace;
    }

    public Duration dedupeWindow() {
        return dedupeWindow;
    }

    public double outlierThreshold() {
        return outlierThreshold;
    }

    public Duration futureTolerance() {
        return futureTolerance;
    }

    public int windowMinutes() {
        return windowMinutes;
    }

    public int sparklineHours() {
        return sparklineHours;
    }

    public Duration candleRetention1m() {
        return candleRetention1m;
    }

    public Duration candleRetention1h() {
        return candleRetention1h;
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0: " + d);
        }
        return d;
    }
}
