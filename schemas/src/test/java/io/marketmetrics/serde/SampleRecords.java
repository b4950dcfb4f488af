package io.marketmetrics.serde;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.CandleInterval;
import io.marketmetrics.schema.CategoryAsset;
import io.marketmetrics.schema.CategoryMetrics;
import io.marketmetrics.schema.ConstituentValue;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.IndexMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.PricePoint;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** One filled-in instance of every published record type (optional fields set, so they round-trip too). */
final class SampleRecords {

    static final Instant T = Instant.parse("2026-11-25T14:00:00.123Z");

    private SampleRecords() {
    }

    static Trade trade(String tradeId) {
        return Trade.newBuilder().setExchange("binance").setBase("BTC").setQuote("USDT").setPrice(97123.45)
                .setQuantity(0.015).setTradeId(tradeId).setSide(TakerSide.SELL).setEventTime(T).build();
    }

    static List<SpecificRecord> all() {
        return List.of(
                trade("4217733123"),
                AssetReference.newBuilder().setSymbol("UNI").setName("Uniswap").setCategories(List.of("defi", "dex"))
                        .setCirculatingSupply(600_000_000.0).setTotalSupply(1_000_000_000.0).setMaxSupply(null)
                        .setAth(new PricePoint(44.97, Instant.parse("2021-05-03T00:00:00Z")))
                        .setAtl(new PricePoint(1.03, Instant.parse("2020-09-17T00:00:00Z"))).build(),
                IndexDefinition.newBuilder().setSymbol("DEFI.SSI").setEffectiveFrom(T).setConstituents(List.of(
                        new IndexConstituent("UNI", 0.0123, 25.0), new IndexConstituent("AAVE", 0.0004, null))).build(),
                ExchangeReference.newBuilder().setId("binance").setName("Binance")
                        .setTradeUrl("https://www.binance.com/en/trade/{base}_{quote}").build(),
                AssetMetrics.newBuilder().setSymbol("BTC").setName("Bitcoin").setPriceUsd(97000.5)
                        .setVolume24hUsd(1.5e9).setVolume24hBase(15400.25).setHigh24hUsd(98000.0).setLow24hUsd(95000.0)
                        .setChange1hPct(0.4).setChange24hPct(-1.2).setChange7dPct(null).setAthUsd(108000.0).setAthTime(T)
                        .setPctFromAth(-10.2).setAtlUsd(67.81).setAtlTime(Instant.parse("2013-07-06T00:00:00Z"))
                        .setPctFromAtl(142945.0).setMarketCapUsd(1.9e12).setFdvUsd(2.0e12).setVolumeToMarketCap(0.0008)
                        .setCirculatingSupply(19.8e6).setTotalSupply(19.8e6).setMaxSupply(21e6).setRank(1)
                        .setCategories(List.of("layer-1")).setSparkline7d(Arrays.asList(96000.0, null, 97000.5))
                        .setMarketCount(12).setNavUsd(null).setPremiumPct(null).setLastTradeTime(T).setUpdatedAt(T).build(),
                MarketMetrics.newBuilder().setMarket("binance:BTC-USDT").setExchange("binance").setBase("BTC")
                        .setQuote("USDT").setLastPrice(97010.0).setLastPriceUsd(97005.1).setVolume24hBase(1200.5)
                        .setVolume24hQuote(1.16e8).setVolume24hUsd(1.16e8).setVolumeSharePct(7.7).setHigh24h(98001.0)
                        .setLow24h(95002.0).setTradeCount24h(345_678L).setLastTradeTime(T)
                        .setTradeUrl("https://www.binance.com/en/trade/BTC_USDT").setUpdatedAt(T).build(),
                Candle.newBuilder().setSubject("binance:BTC-USDT").setInterval(CandleInterval.ONE_MINUTE)
                        .setStart(Instant.parse("2026-11-25T14:00:00Z")).setEnd(Instant.parse("2026-11-25T14:01:00Z"))
                        .setCurrency("USDT").setOpen(97000.0).setHigh(97050.0).setLow(96990.0).setClose(97010.0)
                        .setVolumeBase(3.5).setVolumeQuote(339_535.0).setVolumeUsd(339_500.0).setTradeCount(42L).build(),
                IndexMetrics.newBuilder().setSymbol("DEFI.SSI").setNavUsd(0.98).setPriceUsd(1.0).setPremiumPct(2.04)
                        .setEffectiveFrom(T).setConstituents(List.of(
                                new ConstituentValue("UNI", 0.0123, 10.0, 0.123, 12.55, 12.0, 0.55)))
                        .setMissing(List.of("AAVE")).setUpdatedAt(T).build(),
                CategoryMetrics.newBuilder().setId("defi").setAssetCount(2).setMarketCapUsd(9.1e9)
                        .setVolume24hUsd(4.2e8).setChange24hPct(1.5).setAssets(List.of(
                                new CategoryAsset("UNI", 6.0e9, 10.0, 2.0), new CategoryAsset("AAVE", 3.1e9, null, null)))
                        .setUpdatedAt(T).build());
    }
}
