package io.marketmetrics.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.Trade;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The real Binance XRP/ETH trades (about 59 hours, shared/data/freqtrade, see its SOURCES.md) replayed
 * through the topology, its published figures compared with a brute-force recomputation over the trade
 * list that shares no code with the topology. ETH is pegged at 1 USD so that every USD figure is exercised.
 */
class ReplayTest {

    private static final String MARKET = "binance:XRP-ETH";
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private record Row(long time, String id, double price, double amount) {
    }

    @Test
    void publishedFiguresEqualABruteForceRecomputationAtCheckpoints() throws IOException {
        List<Row> rows = load();
        int[] checkpoints = {999, 4_321, 8_888, rows.size() - 1};
        try (MetricsDriver d = new MetricsDriver(c -> c.withPeggedQuote("ETH", 1.0).withInMemoryStores())) {
            int next = 0;
            int gaps = 0;
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                d.pipeQuietly(MetricsDriver.trade(MARKET, r.price, r.amount, r.id, r.time));
                long gap = i == 0 ? 0 : Math.floorDiv(r.time, MINUTE) - Math.floorDiv(rows.get(i - 1).time, MINUTE);
                if (gap >= 2 && gap <= 10) { // the change references step over minutes without trades
                    d.collect();
                    assertChangesMatchBruteForce(rows.subList(0, i + 1), d.assets.get("XRP"));
                    gaps++;
                }
                if (i == checkpoints[next]) {
                    d.collect();
                    assertMatchesBruteForce(rows.subList(0, i + 1), d.markets.get(MARKET), d.assets.get("XRP"));
                    next++;
                }
            }
            assertThat(next).isEqualTo(checkpoints.length);
            assertThat(gaps).as("trades after a gap of 2 to 10 minutes").isGreaterThan(500);
            assertThat(d.deadLetters()).isEmpty();
        }
    }

    @Test
    void aReplayAtFullSpeedGivesTheSameFiguresAsASlowOne() throws IOException {
        // Two venues from the one file (alternate trades), the first 1 500 trades (about 4 hours).
        List<Trade> trades = new ArrayList<>();
        List<Row> rows = load().subList(0, 1_500);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            trades.add(MetricsDriver.trade(i % 2 == 0 ? MARKET : "binance-us:XRP-ETH", r.price, r.amount, r.id, r.time));
        }
        try (MetricsDriver fast = new MetricsDriver(c -> c.withPeggedQuote("ETH", 1.0).withInMemoryStores());
             MetricsDriver slow = new MetricsDriver(c -> c.withPeggedQuote("ETH", 1.0).withInMemoryStores())) {
            trades.forEach(fast::pipeQuietly);
            fast.collect();
            for (int i = 0; i < trades.size(); i++) {
                slow.pipe(trades.get(i));
                if (i + 1 < trades.size()) { // as in real time: the wall clock moves by the gap between trades
                    slow.driver.advanceWallClockTime(Duration.ofMillis(rows.get(i + 1).time - rows.get(i).time));
                }
            }
            assertThat(fast.markets).hasSize(2).isEqualTo(slow.markets);
            assertThat(fast.assets).isEqualTo(slow.assets);
            assertThat(fast.candles1m()).isEqualTo(slow.candles1m()).isNotEmpty();
            assertThat(fast.counter("rejected-late-total")).isZero();
            assertThat(slow.counter("rejected-late-total")).isZero();
        }
    }

    private static void assertMatchesBruteForce(List<Row> trades, MarketMetrics market, AssetMetrics asset) {
        Evaluations e = evaluations(trades);
        long[] evalTime = e.time();
        double[] evalPrice = e.price();
        long t = e.time()[trades.size() - 1];
        double last = e.price()[trades.size() - 1];
        long lastTime = e.lastTradeTime();
        long end = Math.floorDiv(t, MINUTE);
        long first = end - 1439;
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        long count = 0;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        for (Row r : trades) {
            long m = Math.floorDiv(r.time, MINUTE);
            if (m >= first && m <= end) {
                base = base.add(new BigDecimal(r.amount));
                quote = quote.add(new BigDecimal(r.price).multiply(new BigDecimal(r.amount)));
                count++;
                high = Math.max(high, r.price);
                low = Math.min(low, r.price);
            }
        }
        assertThat(market.getLastPrice()).isEqualTo(last);
        assertThat(market.getLastPriceUsd()).isEqualTo(last);
        assertThat(market.getLastTradeTime().toEpochMilli()).isEqualTo(lastTime);
        assertRelative(market.getVolume24hBase(), base);
        assertRelative(market.getVolume24hQuote(), quote);
        assertRelative(market.getVolume24hUsd(), quote);
        assertThat(market.getTradeCount24h()).isEqualTo(count);
        assertThat(market.getHigh24h()).isEqualTo(high);
        assertThat(market.getLow24h()).isEqualTo(low);
        assertThat(market.getVolumeSharePct()).isCloseTo(100.0, within(1e-9));

        double assetHigh = Double.NEGATIVE_INFINITY;
        double assetLow = Double.POSITIVE_INFINITY;
        double ath = Double.NEGATIVE_INFINITY;
        double atl = Double.POSITIVE_INFINITY;
        long athTime = 0;
        long atlTime = 0;
        for (int j = 0; j < trades.size(); j++) {
            long m = Math.floorDiv(evalTime[j], MINUTE);
            if (m >= first) {
                assetHigh = Math.max(assetHigh, evalPrice[j]);
                assetLow = Math.min(assetLow, evalPrice[j]);
            }
            if (evalPrice[j] > ath) {
                ath = evalPrice[j];
                athTime = evalTime[j];
            }
            if (evalPrice[j] < atl) {
                atl = evalPrice[j];
                atlTime = evalTime[j];
            }
        }
        assertThat(asset.getPriceUsd()).isEqualTo(last);
        assertRelative(asset.getVolume24hBase(), base);
        assertRelative(asset.getVolume24hUsd(), quote);
        assertThat(asset.getHigh24hUsd()).isEqualTo(assetHigh);
        assertThat(asset.getLow24hUsd()).isEqualTo(assetLow);
        assertThat(asset.getAthUsd()).isEqualTo(ath);
        assertThat(asset.getAthTime().toEpochMilli()).isEqualTo(athTime);
        assertThat(asset.getAtlUsd()).isEqualTo(atl);
        assertThat(asset.getAtlTime().toEpochMilli()).isEqualTo(atlTime);
        assertChange(asset.getChange1hPct(), last, priceAtEndOfMinute(evalTime, evalPrice, end - 60));
        assertChange(asset.getChange24hPct(), last, priceAtEndOfMinute(evalTime, evalPrice, end - 1440));
        assertThat(asset.getChange7dPct()).isNull(); // the file is shorter than a week
        long lastHour = Math.floorDiv(t, HOUR);
        List<Double> spark = new ArrayList<>();
        for (long h = lastHour - 167; h <= lastHour; h++) {
            Double p = null;
            for (int j = 0; j < trades.size(); j++) {
                if (Math.floorDiv(evalTime[j], HOUR) <= h) {
                    p = evalPrice[j];
                }
            }
            spark.add(p);
        }
        assertThat(asset.getSparkline7d()).isEqualTo(spark);
        assertThat(asset.getMarketCount()).isEqualTo(1);
        assertThat(asset.getUpdatedAt().toEpochMilli()).isEqualTo(t);
    }

    /** The 1h and 24h changes only, against the same recomputation as {@link #assertMatchesBruteForce}. */
    private static void assertChangesMatchBruteForce(List<Row> trades, AssetMetrics asset) {
        Evaluations e = evaluations(trades);
        double last = e.price()[trades.size() - 1];
        long end = Math.floorDiv(e.time()[trades.size() - 1], MINUTE);
        assertChange(asset.getChange1hPct(), last, priceAtEndOfMinute(e.time(), e.price(), end - 60));
        assertChange(asset.getChange24hPct(), last, priceAtEndOfMinute(e.time(), e.price(), end - 1440));
    }

    /** Evaluation time and the asset's price after each trade (with one market, its last price), and the last trade's time. */
    private record Evaluations(long[] time, double[] price, long lastTradeTime) {
    }

    private static Evaluations evaluations(List<Row> trades) {
        long[] evalTime = new long[trades.size()];
        double[] evalPrice = new double[trades.size()];
        long t = Long.MIN_VALUE;
        double last = Double.NaN;
        long lastTime = Long.MIN_VALUE;
        for (int j = 0; j < trades.size(); j++) {
            Row r = trades.get(j);
            t = Math.max(t, r.time);
            if (r.time >= lastTime) {
                lastTime = r.time;
                last = r.price;
            }
            evalTime[j] = t;
            evalPrice[j] = last;
        }
        return new Evaluations(evalTime, evalPrice, lastTime);
    }

    private static Double priceAtEndOfMinute(long[] evalTime, double[] evalPrice, long minute) {
        Double p = null;
        for (int j = 0; j < evalTime.length; j++) {
            if (Math.floorDiv(evalTime[j], MINUTE) <= minute) {
                p = evalPrice[j];
            }
        }
        return p;
    }

    private static void assertChange(Double actual, double price, Double ref) {
        if (ref == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isCloseTo(100 * (price - ref) / ref, within(1e-9));
        }
    }

    private static void assertRelative(double actual, BigDecimal exact) {
        double expected = exact.doubleValue();
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    private static List<Row> load() throws IOException {
        Path file = SharedData.path("freqtrade/binance_xrp_eth_trades/XRP_OLD-trades.json.gz");
        assumeTrue(Files.exists(file), "shared/data is absent (" + file + "): skipping the real-data replay");
        List<Row> rows = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                rows.add(new Row(n.get("timestamp").asLong(), n.get("id").asText(), n.get("price").asDouble(),
                        n.get("amount").asDouble()));
            }
        }
        return rows;
    }
}
