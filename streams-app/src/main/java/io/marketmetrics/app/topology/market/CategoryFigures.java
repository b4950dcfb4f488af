package io.marketmetrics.app.topology.market;

import static io.marketmetrics.app.topology.calc.Figures.orNull;

import io.marketmetrics.schema.CategoryAsset;
import io.marketmetrics.schema.CategoryMetrics;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A category's figures (METRICS.md, "Categories") from its members' latest snapshots: recomputed from the
 * members at each publication, so no running sum drifts as assets come and go.
 */
final class CategoryFigures {

    /** By market cap descending, unknown last, ties by symbol (the rank's order). */
    private static final Comparator<Map.Entry<String, AssetSnapshot>> BY_MARKET_CAP =
            Comparator.<Map.Entry<String, AssetSnapshot>, Boolean>comparing(e -> !e.getValue().hasMarketCap())
                    .thenComparing(e -> e.getValue().hasMarketCap() ? -e.getValue().marketCapUsd() : 0.0)
                    .thenComparing(Map.Entry::getKey);

    private CategoryFigures() {
    }

    /** @param members symbol -> snapshot of every asset in the category */
    static CategoryMetrics build(String id, List<Map.Entry<String, AssetSnapshot>> members, long updatedAt) {
        double marketCap = 0;
        double volume = 0;
        double weightedChange = 0;
        double changeWeight = 0;
        for (Map.Entry<String, AssetSnapshot> m : members) {
            AssetSnapshot s = m.getValue();
            if (s.hasMarketCap()) {
                marketCap += s.marketCapUsd();
                if (!Double.isNaN(s.change24hPct())) {
                    weightedChange += s.marketCapUsd() * s.change24hPct();
                    changeWeight += s.marketCapUsd();
                }
            }
            volume += s.volume24hUsd();
        }
        List<CategoryAsset> assets = members.stream().sorted(BY_MARKET_CAP)
                .map(m -> CategoryAsset.newBuilder().setSymbol(m.getKey())
                        .setMarketCapUsd(m.getValue().hasMarketCap() ? m.getValue().marketCapUsd() : null)
                        .setPriceUsd(orNull(m.getValue().priceUsd()))
                        .setChange24hPct(orNull(m.getValue().change24hPct())).build())
                .toList();
        return CategoryMetrics.newBuilder()
                .setId(id)
                .setAssetCount(members.size())
                .setMarketCapUsd(marketCap)
                .setVolume24hUsd(volume)
                .setChange24hPct(changeWeight > 0 ? weightedChange / changeWeight : null)
                .setAssets(assets)
                .setUpdatedAt(Instant.ofEpochMilli(updatedAt))
                .build();
    }
}
