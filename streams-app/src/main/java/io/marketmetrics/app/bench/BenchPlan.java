package io.marketmetrics.app.bench;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one benchmark run.
 *
 * @param trades         trades pre-loaded for the throughput runs (passthrough and pipeline)
 * @param eventSpan      the event time those trades spread over (a day of trading by default)
 * @param liveRate       trades per second of event time of a second throughput input, as dense as a live feed at
 *                       that rate (the latency target's 10,000 by default); 0 for none
 * @param sweepTrades    trades pre-loaded for each point of the window sweep
 * @param sweepSpan      the event time those spread over: longer than the longest window swept, so that every
 *                       window fills and then loses buckets
 * @param latencyRates   input rates (trades/s) of the latency runs, in real time
 * @param latencyWarmup  the start of each latency run left out of the figures
 * @param latencyMeasure the measured rest of each latency run
 * @param scaleAssets    assets of the scale run (each on every venue)
 * @param scaleTrades    trades of the scale run, spread evenly over its assets and over one hour
 * @param workerHeap     the -Xmx of each measured application's JVM
 * @param workerJvm      further options of each measured application's JVM (the passthrough's too)
 */
record BenchPlan(long trades, int assets, int venues, double hotShare, Duration eventSpan, int liveRate, long sweepTrades,
                 Duration sweepSpan, List<Integer> latencyRates, Duration latencyWarmup, Duration latencyMeasure,
                 int scaleAssets, long scaleTrades, String workerHeap, List<String> workerJvm) {

    /** The sizes: 2 M trades of 200 assets x 5 venues, 30 % on one asset; 10,000 assets x 5 venues of state. */
    static BenchPlan full(long trades, Duration eventSpan, int liveRate, long sweepTrades, Duration sweepSpan,
                          List<Integer> latencyRates, Duration latencyWarmup, long scaleTrades, String workerHeap,
                          List<String> workerJvm) {
        return new BenchPlan(trades, 200, 5, 0.30, eventSpan, liveRate, sweepTrades, sweepSpan, List.copyOf(latencyRates),
                latencyWarmup, Duration.ofSeconds(20), 10_000, scaleTrades, workerHeap, List.copyOf(workerJvm));
    }

    /** Every step at toy sizes: proves the command works, measures nothing worth quoting. */
    static BenchPlan quick(String workerHeap, List<String> workerJvm) {
        return new BenchPlan(10_000, 20, 3, 0.30, Duration.ofHours(1), 10_000, 2_000, Duration.ofHours(2), List.of(200),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 200, 3_000, workerHeap, List.copyOf(workerJvm));
    }

    /** The event time the live input's trades spread over: {@link #trades} at {@link #liveRate} a second. */
    Duration liveSpan() {
        return Duration.ofMillis(Math.max(1, trades * 1000 / liveRate));
    }
}
