package io.marketmetrics.app.topology;

import static io.marketmetrics.app.topology.MetricsDriver.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.PricePoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every figure of METRICS.md for markets and assets, against values computed by hand. */
class AssetFiguresTest {

    private static final long T0 = Instant.parse("2023-11-14T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final double EPS = 1e-9;

    @Test
    void fourVenuesWithTimePenaltiesAnOutlierAndReferenceData() {
        try (MetricsDriver d = new MetricsDriver(c -> c)) { // RocksDB stores, as in production
            d.exchange(ExchangeReference.newBuilder().setId("binance").setName("Binance")
                    .setTradeUrl("https://www.binance.com/en/trade/{base}_{quote}").build());
            d.reference(AssetReference.newBuilder().setSymbol("ETH").setName("Ethereum").setCategories(List.of("layer-1"))
                    .setCirculatingSupply(120_000_000.0).setTotalSupply(120_500_000.0)
                    .setAth(new PricePoint(4891.70, Instant.parse("2021-11-16T00:00:00Z")))
                    .setAtl(new PricePoint(0.4209, Instant.parse("2015-10-20T00:00:00Z"))).build());

            d.pipe(trade("binance:ETH-USDT", 2000, 1, "a1", T0));
            assertThat(d.assets.get("ETH").getPriceUsd()).isEqualTo(2000.0);
            d.pipe(trade("kraken:ETH-USD", 2010, 2, "b1", T0 + MIN));
            // Two markets: no outlier guard; weights 2000 and 4020 (both under 5 min old).
            double p2 = (2000.0 * 2000 + 4020.0 * 2010) / 6020;
            assertThat(d.assets.get("ETH").getPriceUsd()).isCloseTo(p2, within(EPS));
            d.pipe(trade("coinbase:ETH-USDC", 2500, 0.1, "c1", T0 + 2 * MIN));
            // Median 2010 (cumulative 2000, 6020 of 6270): 2500 is 24 % off and excluded; a and b as before.
            assertThat(d.assets.get("ETH").getPriceUsd()).isCloseTo(p2, within(EPS));
            d.pipe(trade("okx:ETH-USDT", 1990, 0.5, "d1", T0 + 12 * MIN));
            // Ages: a 12 min (0.6), b 11 min (0.6), c 10 min (0.8), d 0 (1). Weights 1200, 2412, 200, 995.
            // Median: cumulative 995, 2195, 4607 of 4807 reaches 2403.5 at 2010; c (490 off) is out.
            double p4 = (995 * 1990.0 + 1200 * 2000.0 + 2412 * 2010.0) / (995 + 1200 + 2412);
            assertThat(p4).isCloseTo(2003.07575428695, within(1e-9)); // 9 228 170 / 4 607

            AssetMetrics eth = d.assets.get("ETH");
            assertThat(eth.getPriceUsd()).isCloseTo(p4, within(EPS));
            assertThat(eth.getName()).isEqualTo("Ethereum");
            assertThat(eth.getCategories()).containsExactly("layer-1");
            assertThat(eth.getVolume24hBase()).isCloseTo(3.6, within(EPS));
            assertThat(eth.getVolume24hUsd()).isCloseTo(7265.0, within(EPS));
            assertThat(eth.getHigh24hUsd()).isCloseTo(p2, within(EPS));
            assertThat(eth.getLow24hUsd()).isEqualTo(2000.0);
            assertThat(eth.getChange1hPct()).isNull();
            assertThat(eth.getChange24hPct()).isNull();
            assertThat(eth.getChange7dPct()).isNull();
            // The seeds are above and below everything the stream saw.
            assertThat(eth.getAthUsd()).isEqualTo(4891.70);
            assertThat(eth.getAthTime()).isEqualTo(Instant.parse("2021-11-16T00:00:00Z"));
            assertThat(eth.getPctFromAth()).isCloseTo(100 * (p4 - 4891.70) / 4891.70, within(EPS));
            assertThat(eth.getAtlUsd()).isEqualTo(0.4209);
            assertThat(eth.getPctFromAtl()).isCloseTo(100 * (p4 - 0.4209) / 0.4209, within(1e-6));
            assertThat(eth.getMarketCapUsd()).isCloseTo(p4 * 120_000_000, within(1e-3));
            assertThat(eth.getFdvUsd()).isCloseTo(p4 * 120_500_000, within(1e-3)); // no max supply: total
            assertThat(eth.getVolumeToMarketCap()).isCloseTo(7265.0 / (p4 * 120_000_000), within(1e-15));
            assertThat(eth.getCirculatingSupply()).isEqualTo(120_000_000.0);
            assertThat(eth.getMaxSupply()).isNull();
            assertThat(eth.getRank()).isEqualTo(1); // the only asset with a market cap (market-wide stage)
            assertThat(eth.getNavUsd()).isNull();
            assertThat(eth.getMarketCount()).isEqualTo(4);
            assertThat(eth.getLastTradeTime()).isEqualTo(Instant.ofEpochMilli(T0 + 12 * MIN));
            assertThat(eth.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 12 * MIN));
            List<Double> spark = new ArrayList<>(Collections.nCopies(167, (Double) null));
            spark.add(eth.getPriceUsd());
            assertThat(eth.getSparkline7d()).isEqualTo(spark);

            MarketMetrics a = d.markets.get("binance:ETH-USDT");
            assertThat(a.getExchange()).isEqualTo("binance");
            assertThat(a.getBase()).isEqualTo("ETH");
            assertThat(a.getQuote()).isEqualTo("USDT");
            assertThat(a.getLastPrice()).isEqualTo(2000.0);
            assertThat(a.getLastPriceUsd()).isEqualTo(2000.0);
            assertThat(a.getVolume24hBase()).isEqualTo(1.0);
            assertThat(a.getVolume24hQuote()).isEqualTo(2000.0);
            assertThat(a.getVolume24hUsd()).isEqualTo(2000.0);
            assertThat(a.getHigh24h()).isEqualTo(2000.0);
            assertThat(a.getLow24h()).isEqualTo(2000.0);
            assertThat(a.getTradeCount24h()).isEqualTo(1);
            assertThat(a.getTradeUrl()).isEqualTo("https://www.binance.com/en/trade/ETH_USDT");
            assertThat(a.getLastTradeTime()).isEqualTo(Instant.ofEpochMilli(T0));
            // Published with its own trade, when the asset's volume was 2000.
            assertThat(a.getVolumeSharePct()).isEqualTo(100.0);
            MarketMetrics okx = d.markets.get("okx:ETH-USDT");
            assertThat(okx.getVolumeSharePct()).isCloseTo(100 * 995.0 / 7265.0, within(EPS));
            assertThat(okx.getTradeUrl()).isNull();
            assertThat(okx.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 12 * MIN));

            // The stream's own high is first reached at T0 + 1 min; a lower seed ATH gives way to it.
            d.reference(AssetReference.newBuilder().setSymbol("ETH").setCirculatingSupply(1000.0)
                    .setMaxSupply(2000.0).setAth(new PricePoint(1500.0, Instant.parse("2020-01-01T00:00:00Z"))).build());
            eth = d.assets.get("ETH");
            assertThat(eth.getAthUsd()).isCloseTo(p2, within(EPS));
            assertThat(eth.getAthTime()).isEqualTo(Instant.ofEpochMilli(T0 + MIN));
            assertThat(eth.getAtlUsd()).isEqualTo(2000.0);
            assertThat(eth.getAtlTime()).isEqualTo(Instant.ofEpochMilli(T0));
            // A new supply re-publishes market cap and FDV at once, with no trade.
            assertThat(eth.getMarketCapUsd()).isCloseTo(p4 * 1000, within(1e-6));
            assertThat(eth.getFdvUsd()).isCloseTo(p4 * 2000, within(1e-6));
        }
    }

    @Test
    void changesAndSparklineOverAWeek() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(trade("kraken:SOL-USD", 100, 1, "1", T0));
            d.pipe(trade("kraken:SOL-USD", 110, 1, "2", T0 + 30 * MIN));
            d.pipe(trade("kraken:SOL-USD", 120, 1, "3", T0 + 61 * MIN));
            // Latest evaluated minute <= m(T) - 60 = minute 1: minute 0 at 100.
            assertThat(d.assets.get("SOL").getChange1hPct()).isCloseTo(20.0, within(EPS));
            d.pipe(trade("kraken:SOL-USD", 90, 1, "4", T0 + 90 * MIN));
            // Minute 30 at 110.
            assertThat(d.assets.get("SOL").getChange1hPct()).isCloseTo(100 * (90 - 110) / 110.0, within(EPS));
            List<Double> spark = new ArrayList<>(Collections.nCopies(166, (Double) null));
            spark.add(110.0); // hour 0 ends at 110
            spark.add(90.0);  // hour 1 so far
            assertThat(d.assets.get("SOL").getSparkline7d()).isEqualTo(spark);

            d.pipe(trade("kraken:SOL-USD", 150, 2, "5", T0 + 24 * HOUR + 45 * MIN));
            AssetMetrics sol = d.assets.get("SOL");
            // 24h: latest evaluated minute <= 45 is 30 (110); 1h: latest <= 1425 is 90 (90).
            assertThat(sol.getChange24hPct()).isCloseTo(100 * (150 - 110) / 110.0, within(EPS));
            assertThat(sol.getChange1hPct()).isCloseTo(100 * (150 - 90) / 90.0, within(EPS));
            // The window [46, 1485] holds minutes 61, 90 and 1485.
            assertThat(sol.getVolume24hBase()).isEqualTo(4.0);
            assertThat(sol.getVolume24hUsd()).isEqualTo(120 + 90 + 300.0);
            assertThat(sol.getHigh24hUsd()).isEqualTo(150.0);
            assertThat(sol.getLow24hUsd()).isEqualTo(90.0);
            MarketMetrics kraken = d.markets.get("kraken:SOL-USD");
            assertThat(kraken.getTradeCount24h()).isEqualTo(3);
            assertThat(kraken.getHigh24h()).isEqualTo(150.0);
            assertThat(kraken.getLow24h()).isEqualTo(90.0);

            d.pipe(trade("kraken:SOL-USD", 200, 1, "6", T0 + 7 * 24 * HOUR + 2 * HOUR));
            sol = d.assets.get("SOL");
            // 7d: latest evaluated hour <= h(T) - 168 = hour 2 is hour 1, ending at 90.
            assertThat(sol.getChange7dPct()).isCloseTo(100 * (200 - 90) / 90.0, within(EPS));
            // 24h and 1h: the latest evaluation that old is at 24 h 45 min (150), days back.
            assertThat(sol.getChange24hPct()).isCloseTo(100 * (200 - 150) / 150.0, within(EPS));
            assertThat(sol.getChange1hPct()).isCloseTo(100 * (200 - 150) / 150.0, within(EPS));
            // Sparkline hours 3..170: 90 carried to hour 23, 150 from hour 24 to 169, then 200.
            spark = new ArrayList<>(Collections.nCopies(21, 90.0));
            spark.addAll(Collections.nCopies(146, 150.0));
            spark.add(200.0);
            assertThat(sol.getSparkline7d()).isEqualTo(spark);
            assertThat(sol.getAthUsd()).isEqualTo(200.0);
            assertThat(sol.getAtlUsd()).isEqualTo(90.0);
            assertThat(sol.getAtlTime()).isEqualTo(Instant.ofEpochMilli(T0 + 90 * MIN));
            assertThat(sol.getVolume24hBase()).isEqualTo(1.0);
        }
    }
}
