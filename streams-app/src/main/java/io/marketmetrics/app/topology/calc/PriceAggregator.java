package io.marketmetrics.app.topology.calc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The aggregated USD price of METRICS.md ("Per asset: price"): 24h-USD-volume weights with CCCAGG's time
 * penalty, and with 3 or more markets an outlier guard around the weighted median.
 */
public final class PriceAggregator {

    /** A market without volume in the window still prices a lone asset. */
    static final double MIN_VOLUME = 1e-12;
    private static final long MINUTE = 60_000L;

    private final double outlierThreshold;

    /** @param outlierThreshold relative deviation from the weighted median beyond which a market is excluded (0.10) */
    public PriceAggregator(double outlierThreshold) {
        if (!(outlierThreshold > 0)) {
            throw new IllegalArgumentException("outlier threshold must be > 0: " + outlierThreshold);
        }
        this.outlierThreshold = outlierThreshold;
    }

    /** CCCAGG's published time penalty for a market whose last trade is {@code ageMs} old. */
    public static double timePenalty(long ageMs) {
        if (ageMs <= 5 * MINUTE) {
            return 1.0;
        } else if (ageMs <= 10 * MINUTE) {
            return 0.8;
        } else if (ageMs <= 15 * MINUTE) {
            return 0.6;
        } else if (ageMs <= 20 * MINUTE) {
            return 0.4;
        } else if (ageMs <= 25 * MINUTE) {
            return 0.2;
        }
        return 0.01;
    }

    /** The aggregated price at evaluation time {@code t} over markets with a known USD price; empty with none. */
    public OptionalDouble price(List<MarketQuote> quotes, long t) {
        List<Weighted> markets = new ArrayList<>(quotes.size());
        for (MarketQuote q : quotes) {
            if (!Double.isNaN(q.lastPriceUsd())) {
                double volume = q.volumeUsd() == 0 ? MIN_VOLUME : q.volumeUsd();
                markets.add(new Weighted(q.lastPriceUsd(), timePenalty(t - q.lastTradeTime()) * volume));
            }
        }
        if (markets.isEmpty()) {
            return OptionalDouble.empty();
        }
        double ref = markets.size() >= 3 ? weightedMedian(markets) : Double.NaN;
        double weightedSum = 0;
        double weights = 0;
        int included = 0;
        double lastIncluded = Double.NaN;
        for (Weighted m : markets) {
            if (Double.isNaN(ref) || Math.abs(m.price - ref) <= outlierThreshold * ref) {
                weightedSum += m.weight * m.price;
                weights += m.weight;
                included++;
                lastIncluded = m.price;
            }
        }
        // One market prices the asset exactly, without the rounding of w x p / w.
        return OptionalDouble.of(included == 1 ? lastIncluded : weightedSum / weights);
    }

    /** The smallest price at which the cumulative weight, in ascending price order, reaches half the total. */
    static double weightedMedian(List<Weighted> markets) {
        List<Weighted> sorted = new ArrayList<>(markets);
        sorted.sort(Comparator.comparingDouble(Weighted::price));
        double total = 0;
        for (Weighted m : sorted) {
            total += m.weight;
        }
        double cumulative = 0;
        for (Weighted m : sorted) {
            cumulative += m.weight;
            if (cumulative >= total / 2) {
                return m.price;
            }
        }
        return sorted.get(sorted.size() - 1).price;
    }

    record Weighted(double price, double weight) {
    }
}
