package io.marketmetrics.producers.connect;

import java.util.HashMap;
import java.util.Map;

/**
 * Gap detection on consecutive trade ids, per market: a jump from id n to n+k (k &gt; 1) means k-1
 * trades were missed (a dropped connection, a venue hiccup). Repeated or older ids (a snapshot after
 * a reconnect) are not gaps; duplicates are left to the pipeline's dedupe.
 */
final class TradeIdGaps {

    private final Map<String, Long> lastIds = new HashMap<>();

    /** Records a trade id; returns how many ids were skipped since the highest one seen (0 if none). */
    long observe(String market, long tradeId) {
        Long last = lastIds.get(market);
        if (last == null || tradeId > last) {
            lastIds.put(market, tradeId);
        }
        return last == null || tradeId <= last + 1 ? 0 : tradeId - last - 1;
    }
}
