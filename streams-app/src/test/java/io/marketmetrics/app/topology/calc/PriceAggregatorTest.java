package io.marketmetrics.app.topology.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriceAggregatorTest {

    private static final long T = 1_700_000_000_000L;
    private static final long MIN = 60_000L;
    private final PriceAggregator aggregator = new PriceAggregator(0.10);

    @Test
    void timePenaltyFollowsTheCccaggTableWithInclusiveUpperBounds() {
        assertThat(PriceAggregator.timePenalty(0)).isEqualTo(1.0);
        assertThat(PriceAggregator.timePenalty(5 * MIN)).isEqualTo(1.0);
        assertThat(PriceAggregator.timePenalty(5 * MIN + 1)).isEqualTo(0.8);
        assertThat(PriceAggregator.timePenalty(10 * MIN)).isEqualTo(0.8);
        assertThat(PriceAggregator.timePenalty(10 * MIN + 1)).isEqualTo(0.6);
        assertThat(PriceAggregator.timePenalty(15 * MIN)).isEqualTo(0.6);
        assertThat(PriceAggregator.timePenalty(20 * MIN)).isEqualTo(0.4);
        assertThat(PriceAggregator.timePenalty(25 * MIN)).isEqualTo(0.2);
        assertThat(PriceAggregator.timePenalty(25 * MIN + 1)).isEqualTo(0.01);
        assertThat(PriceAggregator.timePenalty(400 * MIN)).isEqualTo(0.01);
    }

    @Test
    void fourVenuesWithPenaltiesAndAnOutlier() {
        // weights: a 1 x 1000, b 0.8 x 500 = 400, c 1 x 200 (130 is 30 % off the median 100: out),
        // d 0.01 x 1e-12 (no volume, 30 min old). Median: cumulative 1e-14, 1000.00 >= 800 at price 100.
        List<MarketQuote> quotes = List.of(
                new MarketQuote("a:X-USD", 100.0, T, 1000),
                new MarketQuote("b:X-USD", 102.0, T - 7 * MIN, 500),
                new MarketQuote("c:X-USD", 130.0, T, 200),
                new MarketQuote("d:X-USD", 99.0, T - 30 * MIN, 0));
        double expected = (1000 * 100.0 + 400 * 102.0 + 1e-14 * 99.0) / (1000 + 400 + 1e-14);
        assertThat(aggregator.price(quotes, T).getAsDouble()).isCloseTo(expected, within(1e-12));
        assertThat(expected).isCloseTo(100.571428571, within(1e-9));
    }

    @Test
    void theMedianIsTheSmallestPriceReachingHalfTheWeight() {
        List<PriceAggregator.Weighted> w = List.of(new PriceAggregator.Weighted(30, 2),
                new PriceAggregator.Weighted(10, 1), new PriceAggregator.Weighted(20, 1));
        assertThat(PriceAggregator.weightedMedian(w)).isEqualTo(20);
    }

    @Test
    void twoVenuesHaveNoOutlierGuard() {
        List<MarketQuote> quotes = List.of(new MarketQuote("a:X-USD", 100.0, T, 10),
                new MarketQuote("b:X-USD", 200.0, T, 30));
        assertThat(aggregator.price(quotes, T).getAsDouble()).isEqualTo((10 * 100.0 + 30 * 200.0) / 40);
    }

    @Test
    void aLoneMarketWithoutVolumeStillPricesAndUnknownPricesAreSkipped() {
        List<MarketQuote> quotes = List.of(new MarketQuote("a:X-USD", 3.5, T - 100 * MIN, 0),
                new MarketQuote("b:X-BTC", Double.NaN, T, 99));
        assertThat(aggregator.price(quotes, T).getAsDouble()).isEqualTo(3.5);
        assertThat(aggregator.price(List.of(quotes.get(1)), T)).isEmpty();
    }
}
