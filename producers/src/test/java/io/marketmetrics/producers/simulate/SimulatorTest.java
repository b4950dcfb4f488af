package io.marketmetrics.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.marketmetrics.producers.Pacer;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The statistical shape of the simulated trades, checked on seeded runs against the model's parameters
 * with tolerances of several standard errors (so a correct simulator does not fail by chance, while a
 * wrong rate, share, spread or correlation does).
 */
class SimulatorTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final SimulatedMarkets BUNDLED = SimulatedMarkets.bundled();

    @Test
    void defaultsAreTheBundledMarketsInRealTimeAtAFewHundredTradesPerSecondWithoutGuardsExercised() {
        SimulatorOptions defaults = SimulatorOptions.defaults(3);
        assertThat(defaults.markets()).isEqualTo(BUNDLED);
        assertThat(defaults.tradesPerSecond()).isEqualTo(300);
        assertThat(defaults.speed()).isEqualTo(1.0);
        assertThat(defaults.maxTrades()).isZero();
        assertThat(defaults.badPrintPct()).isZero();
        assertThat(defaults.duplicatePct()).isZero();
    }

    @Test
    void equalSeedsGiveEqualTradesAndOtherSeedsOthers() throws Exception {
        assertThat(run(options(BUNDLED, 7, 0, 0, 2_000))).isEqualTo(run(options(BUNDLED, 7, 0, 0, 2_000)));
        assertThat(run(options(BUNDLED, 8, 0, 0, 2_000))).isNotEqualTo(run(options(BUNDLED, 7, 0, 0, 2_000)));
    }

    @Test
    void arrivalsArePoissonAtTheConfiguredRate() throws Exception {
        int n = 60_000;
        List<Trade> trades = run(options(BUNDLED, 1, 0, 0, n)); // 300 trades/s: about 200 s of event time
        long first = START.toEpochMilli();
        int seconds = (int) ((trades.get(n - 1).getEventTime().toEpochMilli() - first) / 1000);
        long[] perSecond = new long[seconds];
        for (Trade t : trades) {
            int s = (int) ((t.getEventTime().toEpochMilli() - first) / 1000);
            if (s < seconds) {
                perSecond[s]++;
            }
        }
        double mean = Arrays.stream(perSecond).average().orElseThrow();
        double variance = Arrays.stream(perSecond).mapToDouble(c -> (c - mean) * (c - mean)).sum() / (seconds - 1);
        assertThat(mean).isCloseTo(300, within(6.0));
        // Poisson counts: variance equals the mean (dispersion index 1; its standard error here is about 0.1).
        assertThat(variance / mean).isBetween(0.7, 1.3);
        assertThat(trades).isSortedAccordingTo((a, b) -> a.getEventTime().compareTo(b.getEventTime()));
    }

    @Test
    void assetsVenuesAndSidesFollowTheirShares() throws Exception {
        int n = 60_000;
        List<Trade> trades = run(options(BUNDLED, 2, 0, 0, n));
        double totalShare = BUNDLED.assets().stream().mapToDouble(SimulatedMarkets.Asset::tradeShare).sum();
        Map<String, Long> perAsset = trades.stream().collect(Collectors.groupingBy(Trade::getBase, Collectors.counting()));
        for (SimulatedMarkets.Asset asset : BUNDLED.assets()) {
            assertFraction(perAsset.getOrDefault(asset.symbol(), 0L), n, asset.tradeShare() / totalShare);
        }
        // BTC is listed on every venue: its trades split by the venues' volume shares.
        List<Trade> btc = trades.stream().filter(t -> t.getBase().equals("BTC")).toList();
        double totalVolumeShare = BUNDLED.venues().stream().mapToDouble(SimulatedMarkets.Venue::volumeShare).sum();
        Map<String, Long> perVenue = btc.stream().collect(Collectors.groupingBy(Trade::getExchange, Collectors.counting()));
        for (SimulatedMarkets.Venue venue : BUNDLED.venues()) {
            assertFraction(perVenue.getOrDefault(venue.id(), 0L), btc.size(), venue.volumeShare() / totalVolumeShare);
        }
        // TON is not listed on binance or coinbase.
        assertThat(trades).filteredOn(t -> t.getBase().equals("TON")).extracting(Trade::getExchange)
                .doesNotContain("binance", "coinbase");
        assertFraction(trades.stream().filter(t -> t.getSide() == TakerSide.BUY).count(), n, 0.5);
        // A venue's quotes by their shares (binance: USDT 0.8, FDUSD 0.1, BTC 0.1; never BTC for BTC itself).
        List<Trade> binanceEth = trades.stream().filter(t -> t.getExchange().equals("binance") && t.getBase().equals("ETH"))
                .toList();
        assertFraction(binanceEth.stream().filter(t -> t.getQuote().equals("BTC")).count(), binanceEth.size(), 0.1);
        assertThat(trades).filteredOn(t -> t.getBase().equals("BTC")).extracting(Trade::getQuote).doesNotContain("BTC");
    }

    @Test
    void buysPrintAtTheAskAndSellsAtTheBid() throws Exception {
        List<Trade> trades = run(options(flat(0, 10.0), 3, 0, 0, 5_000));
        double half = 10.0 / 2 / 10_000;
        for (String venue : List.of("v1", "v2")) {
            Set<Double> buys = prices(trades, venue, TakerSide.BUY);
            Set<Double> sells = prices(trades, venue, TakerSide.SELL);
            // No volatility: one ask and one bid per venue, (1 + h) / (1 - h) apart, up to the 7-digit tick.
            assertThat(buys).hasSize(1);
            assertThat(sells).hasSize(1);
            double ratio = buys.iterator().next() / sells.iterator().next();
            assertThat(ratio).isCloseTo((1 + half) / (1 - half), within(2e-6));
            // The venue's own basis stays within a quarter of its spread, at four standard deviations.
            double mid = Math.sqrt(buys.iterator().next() * sells.iterator().next());
            assertThat(mid / 100).isCloseTo(1, within(4 * 10.0 / 4 / 10_000));
        }
    }

    @Test
    void badPrintsAreFarFromTheMarketAndCounted() throws Exception {
        int n = 20_000;
        List<Trade> trades = new ArrayList<>();
        Simulator simulator = new Simulator(options(flat(0, 2.0), 4, 5, 0, n), new Pacer(Pacer.MAX));
        simulator.run(trades::add);
        long far = trades.stream().filter(t -> Math.abs(t.getPrice() / level(t) - 1) > 0.1).count();
        assertThat(far).isEqualTo(simulator.badPrints());
        assertThat(trades).filteredOn(t -> Math.abs(t.getPrice() / level(t) - 1) > 0.1)
                .allSatisfy(t -> assertThat(Math.abs(t.getPrice() / level(t) - 1)).isBetween(0.19, 0.51));
        assertFraction(far, n, 0.05);
    }

    @Test
    void duplicatesRepeatRecentTradesWithTheirIds() throws Exception {
        int n = 20_000;
        List<Trade> trades = new ArrayList<>();
        Simulator simulator = new Simulator(options(BUNDLED, 5, 0, 2, n), new Pacer(Pacer.MAX));
        simulator.run(trades::add);
        Set<String> seen = new HashSet<>();
        long repeats = trades.stream().filter(t -> !seen.add(t.getExchange() + ":" + t.getBase() + "-" + t.getQuote()
                + "#" + t.getTradeId())).count();
        assertThat(repeats).isEqualTo(simulator.duplicates()).isEqualTo(n - seen.size());
        assertFraction(repeats, n, 0.02);
        assertThat(simulator.emitted()).isEqualTo(n);
    }

    @Test
    void tradeSizesAreLogNormalAroundAMedianOf250Usd() throws Exception {
        List<Trade> trades = run(options(flat(0, 0.0), 6, 0, 0, 20_000));
        double[] notional = trades.stream().mapToDouble(t -> t.getPrice() * t.getQuantity()).sorted().toArray();
        assertThat(notional[notional.length / 2]).isCloseTo(250, within(15.0));
        // log-normal with sigma 1.6: the 90th percentile is exp(1.2816 * 1.6) = 7.77 times the median.
        assertThat(notional[notional.length * 9 / 10] / notional[notional.length / 2]).isCloseTo(7.77, within(0.6));
        assertThat(trades).allSatisfy(t -> assertThat(t.getQuantity()).isPositive());
    }

    @Test
    void quotesOtherThanUsdAreConvertedAndIndexTokensTradeAtNavPlusPremium() throws Exception {
        SimulatedMarkets markets = new SimulatedMarkets(
                List.of(new SimulatedMarkets.Venue("v1", 1, 0, Map.of("BTC", 1.0))),
                List.of(asset("A", 100), asset("BTC", 50_000),
                        new SimulatedMarkets.Asset("I.X", 0, 0, 0, 1, List.of("v1"), true, 1.0)),
                Map.of("I.X", List.of(new IndexConstituent("A", 0.01, null), new IndexConstituent("BTC", 0.00002, null))));
        List<Trade> trades = run(options(markets, 9, 0, 0, 3_000));
        // No volatility and no spread: A at 100 / 50 000 BTC; I.X at (0.01 x 100 + 0.00002 x 50 000) x 1.01 = 2.02 USD,
        // which is 2.02 / 50 000 BTC.
        assertThat(trades).filteredOn(t -> t.getBase().equals("A")).extracting(Trade::getQuote, Trade::getPrice)
                .containsOnly(tuple("BTC", 0.002));
        assertThat(trades).filteredOn(t -> t.getBase().equals("I.X")).extracting(Trade::getQuote, Trade::getPrice)
                .containsOnly(tuple("BTC", 4.04e-5));
        // BTC cannot be quoted in itself on a BTC-only venue: it is priced in USD.
        assertThat(trades).filteredOn(t -> t.getBase().equals("BTC")).extracting(Trade::getQuote, Trade::getPrice)
                .containsOnly(tuple("USD", 50_000.0));
    }

    @Test
    void logReturnsHaveTheConfiguredVolatilityAndCorrelation() {
        SimulatedMarkets.Asset a = new SimulatedMarkets.Asset("A", 100, 0.5, 0.9, 1, List.of(), false, 0);
        SimulatedMarkets.Asset b = new SimulatedMarkets.Asset("B", 10, 1.0, 0.8, 1, List.of(), false, 0);
        PriceModel model = new PriceModel(List.of(a, b), Map.of(), 0, new Random(11));
        int steps = 20_000;
        long stepMillis = 60_000;
        double[] ra = new double[steps];
        double[] rb = new double[steps];
        double pa = model.midUsd(0);
        double pb = model.midUsd(1);
        for (int i = 0; i < steps; i++) {
            // B is brought forward only every other step, as assets are only when they trade.
            model.advanceTo((i + 1) * stepMillis);
            double na = model.midUsd(0);
            ra[i] = Math.log(na / pa);
            pa = na;
            if (i % 2 == 1) {
                double nb = model.midUsd(1);
                rb[i - 1] = Math.log(nb / pb);
                pb = nb;
            }
        }
        double[] ra2 = new double[steps / 2];
        double[] rb2 = new double[steps / 2];
        for (int i = 0; i < steps / 2; i++) {
            ra2[i] = ra[2 * i] + ra[2 * i + 1];
            rb2[i] = rb[2 * i];
        }
        double years = stepMillis / (365.25 * 24 * 3600 * 1000);
        assertThat(std(ra) / Math.sqrt(years)).isCloseTo(0.5, within(0.02));
        assertThat(std(rb2) / Math.sqrt(2 * years)).isCloseTo(1.0, within(0.04));
        assertThat(correlation(ra2, rb2)).isCloseTo(0.9 * 0.8, within(0.03));
    }

    private static SimulatedMarkets.Asset asset(String symbol, double price) {
        return new SimulatedMarkets.Asset(symbol, price, 0, 0, 1, List.of("v1"), false, 0);
    }

    /** Two venues quoting USD with the given spread and one asset at 100 USD with the given volatility. */
    private static SimulatedMarkets flat(double volatility, double spreadBps) {
        return new SimulatedMarkets(
                List.of(new SimulatedMarkets.Venue("v1", 1, spreadBps, Map.of("USD", 1.0)),
                        new SimulatedMarkets.Venue("v2", 1, spreadBps, Map.of("USD", 1.0))),
                List.of(new SimulatedMarkets.Asset("A", 100, volatility, 0, 1, List.of("v1", "v2"), false, 0)),
                Map.of());
    }

    private static double level(Trade t) {
        return 100;
    }

    private static Set<Double> prices(List<Trade> trades, String venue, TakerSide side) {
        return trades.stream().filter(t -> t.getExchange().equals(venue) && t.getSide() == side).map(Trade::getPrice)
                .collect(Collectors.toSet());
    }

    private static SimulatorOptions options(SimulatedMarkets markets, long seed, double badPct, double dupPct, long n) {
        return new SimulatorOptions(markets, 300, seed, badPct, dupPct, n, Pacer.MAX, START);
    }

    private static List<Trade> run(SimulatorOptions options) throws Exception {
        List<Trade> trades = new ArrayList<>();
        try (Simulator simulator = new Simulator(options)) {
            simulator.run(trades::add);
        }
        return trades;
    }

    /** A binomial count within four standard deviations of its expectation. */
    private static void assertFraction(long count, long n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat((double) count).as("count of %d draws with p = %f", n, p).isCloseTo(n * p, within(4 * sd + 1));
    }

    private static double std(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (x.length - 1));
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
