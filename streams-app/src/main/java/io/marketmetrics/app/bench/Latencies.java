package io.marketmetrics.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trade-to-metric latency: for each trade, from the moment it was handed to the producer to the moment the
 * first {@code asset-metrics} record of its asset that includes it (evaluation time at or after the trade's
 * event time) was read. Trades sent during the warm-up are left out; trades no record covered are counted.
 *
 * @param trades    trades measured (after the warm-up)
 * @param uncovered of those, trades no output record covered by the end of the run
 */
record Latencies(long trades, long uncovered, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    /** One trade as sent: its asset, its event time and when it was handed to the producer. */
    record Sent(String asset, long eventMs, long sentMs) {
    }

    static Latencies of(List<Sent> sent, List<OutputWatcher.Seen> outputs, long measureFromMs) {
        Map<String, List<OutputWatcher.Seen>> byAsset = new HashMap<>();
        for (OutputWatcher.Seen s : outputs) {
            byAsset.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
        }
        Map<String, Integer> cursor = new HashMap<>();
        long[] latencies = new long[sent.size()];
        int n = 0;
        long uncovered = 0;
        // Trades of an asset come in event-time order, and its records in evaluation-time order: one pass each.
        for (Sent trade : sent) {
            List<OutputWatcher.Seen> records = byAsset.getOrDefault(trade.asset(), List.of());
            int i = cursor.getOrDefault(trade.asset(), 0);
            while (i < records.size() && records.get(i).timestamp() < trade.eventMs()) {
                i++;
            }
            cursor.put(trade.asset(), i);
            // Event times have millisecond resolution: a record of an earlier trade of the same millisecond may
            // carry the same time; one read before this trade was even sent cannot include it.
            while (i < records.size() && records.get(i).receivedMs() < trade.sentMs()) {
                i++;
            }
            if (trade.sentMs() < measureFromMs) {
                continue;
            }
            if (i == records.size()) {
                uncovered++;
            } else {
                latencies[n++] = records.get(i).receivedMs() - trade.sentMs();
            }
        }
        long[] measured = java.util.Arrays.copyOf(latencies, n);
        java.util.Arrays.sort(measured);
        return new Latencies(n + uncovered, uncovered, percentile(measured, 0.50), percentile(measured, 0.90),
                percentile(measured, 0.99), n == 0 ? Double.NaN : measured[n - 1]);
    }

    /** The nearest-rank percentile. */
    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
