package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.marketmetrics.schema.AssetMetrics;
import org.junit.jupiter.api.Test;

class WatchListTest {

    private static AssetMetrics asset(String symbol, Integer rank, double volume) {
        return AssetMetrics.newBuilder().setSymbol(symbol).setRank(rank).setVolume24hUsd(volume).setVolume24hBase(1.0)
                .setUpdatedAt(Instant.EPOCH).build();
    }

    private static List<String> symbols(List<AssetMetrics> assets) {
        return assets.stream().map(AssetMetrics::getSymbol).toList();
    }

    @Test
    void defaultIsIndexTokensThenTheTopRanked() {
        List<AssetMetrics> local = List.of(asset("SOL", 5, 10), asset("BTC", 1, 5), asset("DEFI.SSI", null, 1),
                asset("DOGE", 9, 100), asset("ETH", 2, 50), asset("NEW", null, 1_000));
        assertThat(symbols(new WatchList(List.of(), 5, 50).select(local))).containsExactly("DEFI.SSI", "BTC", "ETH", "SOL");
    }

    @Test
    void withoutAnyRankTheLargestVolumesStandIn() {
        List<AssetMetrics> local = List.of(asset("A", null, 10), asset("B", null, 30), asset("C", null, 20), asset("X.SSI", null, 0));
        assertThat(symbols(new WatchList(List.of(), 2, 50).select(local))).containsExactly("X.SSI", "B", "C");
    }

    @Test
    void configuredSymbolsOnlyThoseHeldHere() {
        List<AssetMetrics> local = List.of(asset("BTC", 1, 5), asset("ETH", 2, 50), asset("DEFI.SSI", null, 1));
        assertThat(symbols(new WatchList(List.of("eth", " btc", "XRP"), 20, 50).select(local))).containsExactly("BTC", "ETH");
    }

    @Test
    void neverMoreThanTheMaximum() {
        List<AssetMetrics> local = List.of(asset("A.I", null, 0), asset("B.I", null, 0), asset("BTC", 1, 5), asset("ETH", 2, 50));
        assertThat(symbols(new WatchList(List.of(), 20, 3).select(local))).containsExactly("A.I", "B.I", "BTC");
    }
}
