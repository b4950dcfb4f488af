package io.marketmetrics.app.topology;

import static io.marketmetrics.app.topology.MarketWideDriver.constituent;
import static io.marketmetrics.app.topology.MetricsDriver.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.CategoryAsset;
import io.marketmetrics.schema.CategoryMetrics;
import io.marketmetrics.schema.ConstituentValue;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.IndexMetrics;
import io.marketmetrics.schema.PricePoint;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Rank, categories and index tokens (METRICS.md), end to end through the topology, against hand-computed values. */
class MarketWideTest {

    private static final long T0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;
    private static final double EPS = 1e-9;

    private static AssetReference supply(String symbol, Double circulating, String... categories) {
        return AssetReference.newBuilder().setSymbol(symbol).setCirculatingSupply(circulating)
                .setCategories(List.of(categories)).build();
    }

    @Test
    void navWeightsPremiumAndCappedTargetWeights() {
        try (MarketWideDriver m = new MarketWideDriver()) {
            m.d.reference(supply("UNI", 1000.0));   // market cap 10 x 1000 = 10 000
            m.d.reference(supply("AAVE", 100.0));   // market cap 200 x 100 = 20 000
            m.index("DEFI.SSI", T0, constituent("UNI", 2, null), constituent("AAVE", 0.5, 50.0));
            m.d.pipe(trade("binance:UNI-USDT", 10, 1, "u1", T0 + MIN));
            m.d.pipe(trade("binance:AAVE-USDT", 200, 1, "a1", T0 + MIN));
            m.d.pipe(trade("binance:DEFI.SSI-USDT", 126, 1, "s1", T0 + MIN));
            m.settle();

            IndexMetrics index = m.indexes.get("DEFI.SSI");
            // NAV = 2 x 10 + 0.5 x 200 = 120; the token at 126 is 6 / 120 = 5 % above it.
            assertThat(index.getNavUsd()).isCloseTo(120.0, within(EPS));
            assertThat(index.getPriceUsd()).isEqualTo(126.0);
            assertThat(index.getPremiumPct()).isCloseTo(5.0, within(EPS));
            assertThat(index.getMissing()).isEmpty();
            assertThat(index.getEffectiveFrom()).isEqualTo(Instant.ofEpochMilli(T0));
            ConstituentValue uni = index.getConstituents().get(0);
            ConstituentValue aave = index.getConstituents().get(1);
            assertThat(uni.getAsset()).isEqualTo("UNI");
            assertThat(uni.getPriceUsd()).isEqualTo(10.0);
            assertThat(uni.getValueUsd()).isCloseTo(20.0, within(EPS));
            assertThat(uni.getWeightPct()).isCloseTo(100.0 / 6, within(EPS));
            assertThat(aave.getValueUsd()).isCloseTo(100.0, within(EPS));
            assertThat(aave.getWeightPct()).isCloseTo(500.0 / 6, within(EPS));
            // Market-cap weights 1/3 and 2/3; AAVE is capped at 50 %, its excess goes to UNI.
            assertThat(uni.getTargetWeightPct()).isCloseTo(50.0, within(EPS));
            assertThat(aave.getTargetWeightPct()).isCloseTo(50.0, within(EPS));
            assertThat(uni.getDriftPct()).isCloseTo(100.0 / 6 - 50, within(EPS));
            assertThat(aave.getDriftPct()).isCloseTo(500.0 / 6 - 50, within(EPS));

            // The token's own asset figures carry NAV and premium; its rank: AAVE 20 000, UNI 10 000, token unranked.
            AssetMetrics token = m.d.assets.get("DEFI.SSI");
            assertThat(token.getNavUsd()).isCloseTo(120.0, within(EPS));
            assertThat(token.getPremiumPct()).isCloseTo(5.0, within(EPS));
            assertThat(token.getRank()).isNull();
            assertThat(m.d.assets.get("AAVE").getRank()).isEqualTo(1);
            assertThat(m.d.assets.get("UNI").getRank()).isEqualTo(2);
            assertThat(m.d.assets.get("UNI").getNavUsd()).isNull();

            // The queryable store holds the same figures.
            KeyValueStore<String, IndexMetrics> store = m.d.driver.getKeyValueStore(StoreNames.INDEX_METRICS);
            assertThat(store.get("DEFI.SSI")).isEqualTo(index);
            // Settled: further punctuations publish nothing (the feedback does not loop).
            assertThat(m.settle()).isZero();
        }
    }

    @Test
    void aConstituentWithoutAPriceIsListedAndLeavesNoNav() {
        try (MarketWideDriver m = new MarketWideDriver()) {
            m.index("DEFI.SSI", T0, constituent("UNI", 2, null), constituent("COMP", 1, null));
            m.d.pipe(trade("binance:UNI-USDT", 10, 1, "u1", T0 + MIN));
            m.d.pipe(trade("binance:DEFI.SSI-USDT", 25, 1, "s1", T0 + MIN));
            m.settle();

            IndexMetrics index = m.indexes.get("DEFI.SSI");
            assertThat(index.getNavUsd()).isNull();
            assertThat(index.getPremiumPct()).isNull();
            assertThat(index.getPriceUsd()).isEqualTo(25.0);
            assertThat(index.getMissing()).containsExactly("COMP");
            assertThat(index.getConstituents().get(0).getValueUsd()).isCloseTo(20.0, within(EPS));
            assertThat(index.getConstituents().get(0).getWeightPct()).isNull();
            assertThat(index.getConstituents().get(1).getPriceUsd()).isNull();
            assertThat(index.getConstituents().get(1).getValueUsd()).isNull();
            // No supplies: no market caps, no target weights.
            assertThat(index.getConstituents().get(0).getTargetWeightPct()).isNull();
            assertThat(m.d.assets.get("DEFI.SSI").getNavUsd()).isNull();

            // COMP's first trade completes the basket: 2 x 10 + 1 x 5 = 25, the token trades at par.
            m.d.pipe(trade("binance:COMP-USDT", 5, 1, "c1", T0 + 2 * MIN));
            m.settle();
            index = m.indexes.get("DEFI.SSI");
            assertThat(index.getMissing()).isEmpty();
            assertThat(index.getNavUsd()).isCloseTo(25.0, within(EPS));
            assertThat(index.getPremiumPct()).isCloseTo(0.0, within(EPS));
            assertThat(index.getConstituents().get(1).getWeightPct()).isCloseTo(20.0, within(EPS));
            assertThat(m.d.assets.get("DEFI.SSI").getNavUsd()).isCloseTo(25.0, within(EPS));
        }
    }

    @Test
    void aRebalanceTakesEffectAtItsOwnEventTime() {
        long rebalance = T0 + 10 * MIN;
        try (MarketWideDriver m = new MarketWideDriver()) {
            // Both baskets are known before any trade; the later one applies only from its effective time.
            m.index("DEFI.SSI", T0, constituent("UNI", 2, null), constituent("AAVE", 0.1, null));
            m.index("DEFI.SSI", rebalance, constituent("UNI", 1, null), constituent("COMP", 4, null));
            assertThat(m.indexes).isEmpty(); // no prices, no evaluation time yet

            m.d.pipe(trade("binance:UNI-USDT", 10, 1, "u1", T0 + MIN));
            m.d.pipe(trade("binance:AAVE-USDT", 200, 1, "a1", T0 + 2 * MIN));
            m.d.pipe(trade("binance:COMP-USDT", 5, 1, "c1", T0 + 3 * MIN));
            m.settle();
            IndexMetrics before = m.indexes.get("DEFI.SSI");
            assertThat(before.getEffectiveFrom()).isEqualTo(Instant.ofEpochMilli(T0));
            assertThat(before.getNavUsd()).isCloseTo(2 * 10 + 0.1 * 200, within(EPS)); // 40
            // COMP's trade (only in the later basket) changed no figure: the time is that of AAVE's trade.
            assertThat(before.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 2 * MIN));

            m.d.pipe(trade("binance:UNI-USDT", 11, 1, "u2", rebalance - 1));
            m.settle();
            assertThat(m.indexes.get("DEFI.SSI").getNavUsd()).isCloseTo(2 * 11 + 0.1 * 200, within(EPS)); // 42

            m.d.pipe(trade("binance:UNI-USDT", 12, 1, "u3", rebalance));
            m.settle();
            IndexMetrics after = m.indexes.get("DEFI.SSI");
            assertThat(after.getEffectiveFrom()).isEqualTo(Instant.ofEpochMilli(rebalance));
            assertThat(after.getNavUsd()).isCloseTo(1 * 12 + 4 * 5, within(EPS)); // 32
            assertThat(after.getConstituents()).extracting(ConstituentValue::getAsset).containsExactly("UNI", "COMP");
            assertThat(after.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(rebalance));
            // UNI alone: no NAV (AAVE missing); then 40, 42 under the first basket and 32 under the second.
            assertThat(m.indexRecords).extracting(kv -> kv.value.getNavUsd())
                    .containsExactly(null, 40.0, 42.0, 32.0);
        }
    }

    @Test
    void invalidBasketsAreCountedAndDroppedAndADeletedIndexLosesItsFigures() {
        try (MarketWideDriver m = new MarketWideDriver()) {
            m.index("DEFI.SSI", T0, constituent("UNI", 2, null));
            m.d.pipe(trade("binance:UNI-USDT", 10, 1, "u1", T0 + MIN));
            m.d.pipe(trade("binance:DEFI.SSI-USDT", 21, 1, "s1", T0 + MIN));
            m.settle();
            assertThat(m.indexes.get("DEFI.SSI").getNavUsd()).isCloseTo(20.0, within(EPS));
            assertThat(m.d.assets.get("DEFI.SSI").getPremiumPct()).isCloseTo(5.0, within(EPS));

            // Under another index's key, without constituents, with zero units: dropped, the basket in force stays.
            m.index("OTHER.SSI", T0 + MIN, constituent("UNI", 1, null));
            m.index("DEFI.SSI", IndexDefinition.newBuilder().setSymbol("OTHER.SSI").setEffectiveFrom(Instant.ofEpochMilli(T0))
                    .setConstituents(List.of(constituent("UNI", 5, null))).build());
            m.index("DEFI.SSI", T0 + MIN);
            m.index("DEFI.SSI", T0 + MIN, constituent("UNI", 0, null));
            assertThat(m.d.counter("invalid-dropped-total")).isEqualTo(3.0);
            m.d.pipe(trade("binance:UNI-USDT", 11, 1, "u2", T0 + 2 * MIN));
            m.settle();
            assertThat(m.indexes.get("DEFI.SSI").getNavUsd()).isCloseTo(22.0, within(EPS));
            assertThat(m.indexes.get("OTHER.SSI").getNavUsd()).isCloseTo(11.0, within(EPS));

            // A deletion: the index's figures go (a tombstone), and so do the token's NAV and premium.
            m.index("DEFI.SSI", null);
            assertThat(m.indexes).doesNotContainKey("DEFI.SSI");
            assertThat(m.d.driver.<String, IndexMetrics>getKeyValueStore(StoreNames.INDEX_METRICS).get("DEFI.SSI")).isNull();
            assertThat(m.d.assets.get("DEFI.SSI").getNavUsd()).isNull();
            assertThat(m.d.assets.get("DEFI.SSI").getPremiumPct()).isNull();
        }
    }

    @Test
    void categorySumsAndMarketCapWeightedChange() {
        // A 10-minute "24h" window, so that the change is 10 minutes of trades.
        try (MarketWideDriver m = new MarketWideDriver(c -> c.withWindowLengths(10, 1))) {
            m.d.reference(supply("XXX", 100.0, "defi"));
            m.d.reference(supply("YYY", 50.0, "defi", "dex"));
            m.d.reference(supply("ZZZ", null, "defi"));
            m.d.pipe(trade("binance:XXX-USDT", 10, 1, "x1", T0));
            m.d.pipe(trade("binance:YYY-USDT", 40, 1, "y1", T0));
            m.d.pipe(trade("binance:XXX-USDT", 12, 2, "x2", T0 + 10 * MIN));
            m.d.pipe(trade("binance:YYY-USDT", 38, 1, "y2", T0 + 10 * MIN));
            m.d.pipe(trade("binance:ZZZ-USDT", 5, 3, "z1", T0 + 10 * MIN));
            m.settle();
            // XXX: cap 12 x 100 = 1200, change +20 %, volume 24 (the first trade left the window).
            // YYY: cap 38 x 50 = 1900, change -5 %, volume 38. ZZZ: no cap, volume 15, no change.
            CategoryMetrics defi = m.categories.get("defi");
            assertThat(defi.getAssetCount()).isEqualTo(3);
            assertThat(defi.getMarketCapUsd()).isCloseTo(3100.0, within(EPS));
            assertThat(defi.getVolume24hUsd()).isCloseTo(77.0, within(EPS));
            assertThat(defi.getChange24hPct()).isCloseTo((1200 * 20.0 + 1900 * -5.0) / 3100, within(EPS)); // 4.677...
            assertThat(defi.getAssets()).extracting(CategoryAsset::getSymbol).containsExactly("YYY", "XXX", "ZZZ");
            assertThat(defi.getAssets().get(2).getMarketCapUsd()).isNull();
            assertThat(defi.getAssets().get(2).getPriceUsd()).isEqualTo(5.0);
            assertThat(defi.getUpdatedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 10 * MIN));
            CategoryMetrics dex = m.categories.get("dex");
            assertThat(dex.getAssetCount()).isEqualTo(1);
            assertThat(dex.getMarketCapUsd()).isCloseTo(1900.0, within(EPS));
            assertThat(dex.getChange24hPct()).isCloseTo(-5.0, within(EPS));

            // XXX moves from defi to dex.
            m.d.reference(supply("XXX", 100.0, "dex"));
            m.settle();
            defi = m.categories.get("defi");
            assertThat(defi.getAssetCount()).isEqualTo(2);
            assertThat(defi.getMarketCapUsd()).isCloseTo(1900.0, within(EPS));
            assertThat(defi.getVolume24hUsd()).isCloseTo(53.0, within(EPS));
            assertThat(defi.getChange24hPct()).isCloseTo(-5.0, within(EPS));
            dex = m.categories.get("dex");
            assertThat(dex.getAssets()).extracting(CategoryAsset::getSymbol).containsExactly("YYY", "XXX");
            assertThat(dex.getMarketCapUsd()).isCloseTo(3100.0, within(EPS));
            KeyValueStore<String, CategoryMetrics> store = m.d.driver.getKeyValueStore(StoreNames.CATEGORY_METRICS);
            assertThat(store.get("dex")).isEqualTo(dex);
        }
    }

    @Test
    void rankByMarketCapWithTiesBySymbolAndUnrankedAssets() {
        try (MarketWideDriver m = new MarketWideDriver()) {
            m.d.reference(supply("BBB", 10.0));
            m.d.reference(supply("AAA", 100.0));
            m.d.reference(supply("DDD", 50.0));
            m.d.reference(supply("CCC", null));
            m.d.pipe(trade("binance:BBB-USDT", 100, 1, "b1", T0));   // 1000
            m.d.pipe(trade("binance:AAA-USDT", 10, 1, "a1", T0));    // 1000: tie, AAA first
            m.d.pipe(trade("binance:CCC-USDT", 99, 1, "c1", T0));    // no supply: no rank
            m.d.pipe(trade("binance:DDD-USDT", 10, 1, "d1", T0));    // 500
            m.settle();
            assertRanks(m, 1, 2, null, 3);

            m.d.pipe(trade("binance:DDD-USDT", 40, 1, "d2", T0 + MIN)); // 2000: DDD first, the others one down
            m.settle();
            assertRanks(m, 2, 3, null, 1);

            m.d.reference(supply("AAA", null));                        // AAA loses its market cap
            m.settle();
            assertRanks(m, null, 2, null, 1);

            m.d.reference(supply("CCC", 100.0));                        // 9900: CCC first
            m.settle();
            assertRanks(m, null, 3, 1, 2);
            assertThat(m.settle()).isZero();
        }
    }

    private static void assertRanks(MarketWideDriver m, Integer aaa, Integer bbb, Integer ccc, Integer ddd) {
        assertThat(m.d.assets.get("AAA").getRank()).as("AAA").isEqualTo(aaa);
        assertThat(m.d.assets.get("BBB").getRank()).as("BBB").isEqualTo(bbb);
        assertThat(m.d.assets.get("CCC").getRank()).as("CCC").isEqualTo(ccc);
        assertThat(m.d.assets.get("DDD").getRank()).as("DDD").isEqualTo(ddd);
    }

    @Test
    void thePageOfDefiSsi() {
        long now = Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        try (MarketWideDriver m = new MarketWideDriver()) {
            m.d.reference(AssetReference.newBuilder().setSymbol("DEFI.SSI").setName("DEFI.ssi")
                    .setCategories(List.of("defi", "index")).setCirculatingSupply(25_500_000.0)
                    .setTotalSupply(25_500_000.0).setMaxSupply(25_500_000.0)
                    .setAth(new PricePoint(1.03, Instant.parse("2025-01-06T00:00:00Z")))
                    .setAtl(new PricePoint(0.2554, Instant.parse("2026-02-06T00:00:00Z"))).build());
            m.index("DEFI.SSI", Instant.parse("2026-11-01T00:00:00Z").toEpochMilli(),
                    constituent("UNI", 0.01, null), constituent("AAVE", 0.001, null));
            m.d.pipe(trade("binance:UNI-USDT", 7.5, 1, "u1", now));
            m.d.pipe(trade("binance:AAVE-USDT", 280, 1, "a1", now));
            m.d.pipe(trade("binance:DEFI.SSI-USDT", 0.3514, 1000, "s1", now));
            m.settle();

            AssetMetrics ssi = m.d.assets.get("DEFI.SSI");
            assertThat(ssi.getPriceUsd()).isEqualTo(0.3514);
            assertThat(ssi.getMarketCapUsd()).isCloseTo(8_960_700.0, within(1e-6));
            assertThat(ssi.getFdvUsd()).isCloseTo(8_960_700.0, within(1e-6));
            assertThat(ssi.getPctFromAth()).isCloseTo(-65.88, within(0.005));
            assertThat(ssi.getPctFromAth()).isCloseTo(-67.86 / 1.03, within(EPS));
            assertThat(ssi.getPctFromAtl()).isCloseTo(37.59, within(0.005));
            assertThat(ssi.getPctFromAtl()).isCloseTo(9.6 / 0.2554, within(EPS));
            assertThat(ssi.getAthTime()).isEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
            assertThat(ssi.getAtlTime()).isEqualTo(Instant.parse("2026-02-06T00:00:00Z"));
            assertThat(ssi.getRank()).isEqualTo(1);
            // NAV = 0.01 x 7.5 + 0.001 x 280 = 0.355; the token trades at a discount of 0.0036 / 0.355.
            assertThat(ssi.getNavUsd()).isCloseTo(0.355, within(EPS));
            assertThat(ssi.getPremiumPct()).isCloseTo(-0.36 / 0.355, within(EPS)); // -1.014 %
            IndexMetrics index = m.indexes.get("DEFI.SSI");
            assertThat(index.getNavUsd()).isCloseTo(0.355, within(EPS));
            assertThat(index.getPremiumPct()).isCloseTo(-0.36 / 0.355, within(EPS));
            assertThat(m.categories.get("index").getMarketCapUsd()).isCloseTo(8_960_700.0, within(1e-6));
        }
    }
}
