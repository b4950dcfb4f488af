package io.marketmetrics.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.marketmetrics.model.Symbols;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.Trade;

/**
 * Each market's trade count and base volume, summed here from the trades themselves: what its 24-hour figures
 * must be once every trade (all within 24 hours) counted exactly once.
 */
record MarketTotals(Map<String, Long> counts, Map<String, Double> baseVolumes) {

    static MarketTotals of(List<Trade> trades) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Double> base = new TreeMap<>();
        for (Trade t : trades) {
            String market = Symbols.marketId(t.getExchange(), t.getBase(), t.getQuote());
            counts.merge(market, 1L, Long::sum);
            base.merge(market, t.getQuantity(), Double::sum);
        }
        return new MarketTotals(counts, base);
    }

    /** Requires the latest {@code market-metrics} value of every market to match: none lost, none counted twice. */
    void assertMatch(Map<String, Object> marketMetrics) {
        assertThat(marketMetrics.keySet()).isEqualTo(counts.keySet());
        counts.forEach((market, count) -> {
            MarketMetrics m = (MarketMetrics) marketMetrics.get(market);
            assertThat(m.getTradeCount24h()).as(market + " trades").isEqualTo(count);
            double base = baseVolumes.get(market);
            // Summed per minute bucket by the application, in trade order here: equal up to rounding.
            assertThat(m.getVolume24hBase()).as(market + " base volume").isCloseTo(base, within(base * 1e-9));
        });
    }
}
