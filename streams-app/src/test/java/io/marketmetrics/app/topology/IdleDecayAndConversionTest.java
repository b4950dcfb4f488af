package io.marketmetrics.app.topology;

import static io.marketmetrics.app.topology.MetricsDriver.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleDecayAndConversionTest {

    private static final long T0 = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;

    @Test
    void anAssetWithoutTradesFor24HoursDecaysToZeroAndKeepsItsPrice() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(trade("kraken:ADA-USD", 0.5, 100, "1", T0));
            d.pipe(trade("kraken:ADA-USD", 0.6, 50, "2", T0 + 10 * MIN));
            // Another asset of the partition moves stream time: ADA's minute 0 leaves its window at 1440.
            d.pipe(trade("kraken:DOT-USD", 7, 1, "1", T0 + 1439 * MIN));
            assertThat(d.assets.get("ADA").getVolume24hBase()).isEqualTo(150.0); // not re-published yet
            d.assets.remove("ADA");
            d.pipe(trade("kraken:DOT-USD", 7, 1, "2", T0 + 1440 * MIN));
            AssetMetrics ada = d.assets.get("ADA");
            assertThat(ada.getVolume24hBase()).isEqualTo(50.0);
            assertThat(ada.getVolume24hUsd()).isCloseTo(30.0, within(1e-12));
            assertThat(ada.getHigh24hUsd()).isEqualTo(0.6);
            assertThat(ada.getLow24hUsd()).isEqualTo(0.6);
            assertThat(ada.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 1440 * MIN));
            assertThat(d.markets.get("kraken:ADA-USD").getVolume24hBase()).isEqualTo(50.0);
            // Only subjects whose window lost a bucket are re-published: DOT's did not.
            d.assets.remove("ADA");
            d.pipe(trade("kraken:DOT-USD", 7, 1, "3", T0 + 1449 * MIN));
            assertThat(d.assets).doesNotContainKey("ADA");
            d.pipe(trade("kraken:DOT-USD", 7, 1, "4", T0 + 1450 * MIN + 30_000));
            ada = d.assets.get("ADA");
            assertThat(ada.getVolume24hBase()).isZero();
            assertThat(ada.getVolume24hUsd()).isZero();
            assertThat(ada.getHigh24hUsd()).isNull();
            assertThat(ada.getLow24hUsd()).isNull();
            assertThat(ada.getMarketCount()).isZero();
            assertThat(ada.getPriceUsd()).isEqualTo(0.6);
            MarketMetrics kraken = d.markets.get("kraken:ADA-USD");
            assertThat(kraken.getVolume24hBase()).isZero();
            assertThat(kraken.getVolume24hQuote()).isZero();
            assertThat(kraken.getTradeCount24h()).isZero();
            assertThat(kraken.getHigh24h()).isNull();
            assertThat(kraken.getVolumeSharePct()).isNull();
            assertThat(kraken.getLastPrice()).isEqualTo(0.6);
            assertThat(kraken.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 1450 * MIN + 30_000));
        }
    }

    @Test
    void aBtcQuotedMarketIsConvertedThroughBtcsOwnPrice() {
        try (MetricsDriver d = new MetricsDriver()) {
            // Before BTC has a price: counted in base and quote figures only.
            d.pipe(trade("binance:XRP-BTC", 0.00002, 1000, "1", T0));
            assertThat(d.counter("without-usd-rate-total")).isEqualTo(1.0);
            MarketMetrics xrpBtc = d.markets.get("binance:XRP-BTC");
            assertThat(xrpBtc.getLastPriceUsd()).isNull();
            assertThat(xrpBtc.getVolume24hQuote()).isCloseTo(0.02, within(1e-15));
            assertThat(xrpBtc.getVolume24hUsd()).isZero();
            assertThat(d.assets.get("XRP").getPriceUsd()).isNull();
            assertThat(d.assets.get("XRP").getVolume24hBase()).isEqualTo(1000.0);

            d.pipe(trade("binance:BTC-USDT", 30_000, 1, "1", T0 + 1000));
            d.pipe(trade("binance:XRP-BTC", 0.000021, 2000, "2", T0 + 2000));
            xrpBtc = d.markets.get("binance:XRP-BTC");
            assertThat(xrpBtc.getLastPriceUsd()).isCloseTo(0.63, within(1e-12));
            assertThat(xrpBtc.getVolume24hUsd()).isCloseTo(0.042 * 30_000, within(1e-9));
            AssetMetrics xrp = d.assets.get("XRP");
            assertThat(xrp.getPriceUsd()).isCloseTo(0.63, within(1e-12));
            assertThat(xrp.getVolume24hUsd()).isCloseTo(1260.0, within(1e-9));
            assertThat(xrp.getVolume24hBase()).isEqualTo(3000.0);
            assertThat(d.counter("without-usd-rate-total")).isEqualTo(1.0);
        }
    }

    @Test
    void candlesAreFinalOnceStreamTimePassesTheirEndPlusGrace() {
        try (MetricsDriver d = new MetricsDriver()) {
            d.pipe(trade("coinbase:LTC-USD", 10, 1, "1", T0 + 1000));
            d.pipe(trade("coinbase:LTC-USD", 12, 2, "2", T0 + 20_000));
            d.pipe(trade("coinbase:LTC-USD", 11, 1, "3", T0 + 50_000));
            d.pipe(trade("coinbase:LTC-USD", 13, 1, "4", T0 + 500)); // out of order: opens the minute
            d.pipe(trade("coinbase:LTC-USD", 9, 1, "5", T0 + 40_000));
            d.pipe(trade("coinbase:LTC-USD", 10, 1, "6", T0 + 6 * MIN - 1));
            assertThat(d.candles1m()).isEmpty();
            d.pipe(trade("coinbase:LTC-USD", 10, 1, "7", T0 + 6 * MIN));
            var candles = d.candles1m();
            assertThat(candles).hasSize(2);
            var market = candles.get(0);
            assertThat(market.getSubject()).isEqualTo("coinbase:LTC-USD");
            assertThat(market.getCurrency()).isEqualTo("USD");
            assertThat(market.getStart()).isEqualTo(Instant.ofEpochMilli(T0));
            assertThat(market.getEnd()).isEqualTo(Instant.ofEpochMilli(T0 + MIN));
            assertThat(market.getOpen()).isEqualTo(13.0);
            assertThat(market.getHigh()).isEqualTo(13.0);
            assertThat(market.getLow()).isEqualTo(9.0);
            assertThat(market.getClose()).isEqualTo(11.0);
            assertThat(market.getVolumeBase()).isEqualTo(6.0);
            assertThat(market.getVolumeQuote()).isEqualTo(10 + 24 + 11 + 13 + 9.0);
            assertThat(market.getTradeCount()).isEqualTo(5);
            // The asset's candle: prices as evaluated (at T = 1 s, 20 s, 50 s, 50 s, 50 s), volume of the trades.
            var asset = candles.get(1);
            assertThat(asset.getSubject()).isEqualTo("LTC");
            assertThat(asset.getOpen()).isEqualTo(10.0);
            assertThat(asset.getHigh()).isEqualTo(12.0);
            assertThat(asset.getLow()).isEqualTo(10.0);
            assertThat(asset.getClose()).isEqualTo(11.0);
            assertThat(asset.getVolumeBase()).isEqualTo(6.0);
            assertThat(asset.getVolumeUsd()).isEqualTo(67.0);
            assertThat(asset.getVolumeQuote()).isNull();
            assertThat(d.candles1h()).isEmpty();
            d.pipe(trade("coinbase:LTC-USD", 10, 1, "8", T0 + 65 * MIN));
            var hourly = d.candles1h();
            assertThat(hourly).extracting(c -> c.getSubject()).containsExactly("coinbase:LTC-USD", "LTC");
            assertThat(hourly.get(0).getTradeCount()).isEqualTo(7);
            assertThat(hourly.get(0).getClose()).isEqualTo(10.0);
            assertThat(hourly.get(0).getVolumeBase()).isEqualTo(8.0);
            // Minute 5 (trade 6) became final too; minute 6 not yet (needs 12 min).
            assertThat(d.candles1m()).extracting(c -> c.getSubject() + "@" + (c.getStart().toEpochMilli() - T0) / MIN)
                    .containsExactly("coinbase:LTC-USD@5", "LTC@5", "coinbase:LTC-USD@6", "LTC@6");
        }
    }
}
