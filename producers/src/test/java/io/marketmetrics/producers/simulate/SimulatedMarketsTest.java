package io.marketmetrics.producers.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.yaml.InvalidFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulator file is validated like a reference file: every problem, each with its path. */
class SimulatedMarketsTest {

    @TempDir
    Path dir;

    @Test
    void everyErrorIsReportedWithItsPath() throws Exception {
        Path file = Files.writeString(dir.resolve("sim.yaml"), """
                venues:
                  - {id: v1, volumeShare: 0, spreadBps: 1, quotes: {USDT: 1}}
                  - {id: v2, volumeShare: 1, spreadBps: -1, quotes: {usdt: 1, USD: 0}}
                assets:
                  - {symbol: A, priceUsd: 10, volatility: 0.5, correlation: 1.5, tradeShare: 1, venues: [v1, v9]}
                  - {symbol: B, tradeShare: 1}
                  - {symbol: NOPE.I, index: true, tradeShare: 1}
                  - {symbol: C, priceUsd: 1, volatility: 0.1, tradeShare: 1, colour: red}
                """);
        ReferenceData reference = new ReferenceData(List.of(), List.of(), List.of());
        assertThatThrownBy(() -> SimulatedMarkets.load(file, reference))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        "venues[0].volumeShare: must be a number > 0, got 0",
                        "venues[1].spreadBps: must be a number >= 0, got -1",
                        "venues[1].quotes.usdt: must be keyed by an asset symbol",
                        "venues[1].quotes.USD: must be a number > 0, got 0",
                        "assets[0].correlation: must be at most 1, got 1.5",
                        "assets[0].venues[1]: must be one of the venues [v1, v2], got \"v9\"",
                        "assets[1].priceUsd: is required",
                        "assets[1].volatility: is required",
                        "assets[2].index: no index definition for NOPE.I in the reference data",
                        "assets[3].colour: unknown key (expected one of correlation, index, premiumPct, priceUsd, "
                                + "symbol, tradeShare, venues, volatility)"));
    }

    @Test
    void aSubsetOfAssetsAndVenues() {
        SimulatedMarkets all = SimulatedMarkets.bundled();
        SimulatedMarkets some = all.only(Set.of("BTC", "TON"), Set.of("binance", "kraken"));
        assertThat(some.venues()).extracting(SimulatedMarkets.Venue::id).containsExactly("binance", "kraken");
        assertThat(some.assets()).extracting(SimulatedMarkets.Asset::symbol).containsExactly("BTC", "TON");
        // TON is not on binance in config/simulator.yaml.
        assertThat(some.assets()).extracting(SimulatedMarkets.Asset::venues)
                .containsExactly(List.of("binance", "kraken"), List.of("kraken"));
        assertThat(all.only(null, null)).isEqualTo(all);
        // Without a choice of assets, those not on the chosen venues are left out: DEFI.SSI trades on bybit only,
        // TON is not on coinbase.
        SimulatedMarkets coinbase = all.only(null, Set.of("coinbase"));
        assertThat(coinbase.assets()).extracting(SimulatedMarkets.Asset::symbol).contains("BTC", "ETH")
                .doesNotContain("DEFI.SSI", "TON", "BNB");
        assertThat(coinbase.baskets()).isEmpty();
        assertThatThrownBy(() -> all.only(Set.of("BTC", "XYZ"), null))
                .hasMessageStartingWith("unknown asset(s) [XYZ]; the markets file has [AAVE, ADA, ");
        assertThatThrownBy(() -> all.only(Set.of("TON"), Set.of("binance")))
                .hasMessage("TON is listed on none of the chosen venues [binance] (it is on [okx, bybit, kraken])");
        assertThatThrownBy(() -> all.only(Set.of("DEFI.SSI", "UNI"), null))
                .hasMessage("DEFI.SSI needs its constituents [AAVE, LINK, SKY, LDO, CRV, COMP, ENA, PENDLE, CAKE]");
    }
}
