package io.marketmetrics.producers.simulate;

import java.time.Instant;
import java.util.Objects;

/**
 * How the simulator runs.
 *
 * @param markets venues, assets and price levels
 * @param tradesPerSecond the mean rate of the Poisson arrivals, in event time
 * @param seed the seed of every random draw: equal options give equal trades
 * @param badPrintPct percentage of trades printed 20 to 50 % away from the market (for the outlier guard)
 * @param duplicatePct percentage of extra trades that repeat a recent trade, id included (for the dedupe guard)
 * @param maxTrades stop after this many trades, duplicates included; 0 for no limit
 * @param speed times real time ({@link io.marketmetrics.producers.Pacer#MAX}: as fast as possible)
 * @param start event time of the simulation's start
 */
public record SimulatorOptions(SimulatedMarkets markets, double tradesPerSecond, long seed, double badPrintPct,
        double duplicatePct, long maxTrades, double speed, Instant start) {

    /** A few hundred trades per second: lively figures, light on a laptop. */
    public static final double DEFAULT_RATE = 300;

    public SimulatorOptions {
        Objects.requireNonNull(markets, "markets");
        Objects.requireNonNull(start, "start");
        if (!(tradesPerSecond > 0)) {
            throw new IllegalArgumentException("the rate must be > 0 trades/s, got " + tradesPerSecond);
        }
        requirePct("bad prints", badPrintPct);
        requirePct("duplicates", duplicatePct);
        if (maxTrades < 0) {
            throw new IllegalArgumentException("the trade count must be >= 0, got " + maxTrades);
        }
    }

    /** The bundled markets at the default rate, in real time from now, without bad prints or duplicates. */
    public static SimulatorOptions defaults(long seed) {
        return new SimulatorOptions(SimulatedMarkets.bundled(), DEFAULT_RATE, seed, 0, 0, 0, 1.0, Instant.now());
    }

    private static void requirePct(String what, double pct) {
        if (!(pct >= 0 && pct <= 100)) {
            throw new IllegalArgumentException("the percentage of " + what + " must be within 0..100, got " + pct);
        }
    }
}
