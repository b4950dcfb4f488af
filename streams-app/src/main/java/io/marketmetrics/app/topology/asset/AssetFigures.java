package io.marketmetrics.app.topology.asset;

import static io.marketmetrics.app.topology.calc.Figures.orNull;
import static io.marketmetrics.app.topology.calc.Figures.pctChange;
import static io.marketmetrics.app.topology.calc.Figures.product;
import static io.marketmetrics.app.topology.calc.Figures.ratio;

import io.marketmetrics.app.topology.calc.AllTimeExtremes;
import io.marketmetrics.app.topology.calc.Extremes;
import io.marketmetrics.app.topology.calc.HourlyCloses;
import io.marketmetrics.app.topology.calc.MarketQuote;
import io.marketmetrics.app.topology.market.MarketWideFigures;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.PricePoint;
import java.time.Instant;
import java.util.List;

/**
 * An asset's published figures (METRICS.md, "Per asset") from its summary and reference data, with the rank,
 * index NAV and premium last received from the market-wide stage.
 */
final class AssetFigures {

    private AssetFigures() {
    }

    /**
     * @param closes     the asset's hourly closes up to its current hour
     * @param marketWide the market-wide stage's figures of the asset; null before any
     */
    static AssetMetrics build(String symbol, AssetState s, HourlyCloses closes, AssetReference ref, MarketWideFigures marketWide) {
        MarketWideFigures mw = marketWide == null ? MarketWideFigures.NONE : marketWide;
        Double price = orNull(s.priceUsd);
        Double volumeUsd = s.window.volumeUsd();
        Extremes window = s.window.extremes();
        AllTimeExtremes x = s.extremes.merge(seed(ref));
        Double circulating = ref == null ? null : ref.getCirculatingSupply();
        Double total = ref == null ? null : ref.getTotalSupply();
        Double max = ref == null ? null : ref.getMaxSupply();
        Double marketCap = product(price, circulating);
        Double ath = orNull(x.ath());
        Double atl = orNull(x.atl());
        return AssetMetrics.newBuilder()
                .setSymbol(symbol)
                .setName(ref == null ? null : ref.getName())
                .setPriceUsd(price)
                .setVolume24hUsd(volumeUsd)
                .setVolume24hBase(s.window.volumeBase())
                .setHigh24hUsd(orNull(window.high()))
                .setLow24hUsd(orNull(window.low()))
                .setChange1hPct(pctChange(price, orNull(s.ref1h)))
                .setChange24hPct(pctChange(price, orNull(s.ref24h)))
                .setChange7dPct(pctChange(price, orNull(closes.beforeSparkline())))
                .setAthUsd(ath)
                .setAthTime(ath == null ? null : Instant.ofEpochMilli(x.athTime()))
                .setPctFromAth(pctChange(price, ath))
                .setAtlUsd(atl)
                .setAtlTime(atl == null ? null : Instant.ofEpochMilli(x.atlTime()))
                .setPctFromAtl(pctChange(price, atl))
                .setMarketCapUsd(marketCap)
                .setFdvUsd(product(price, max != null ? max : total))
                .setVolumeToMarketCap(ratio(volumeUsd, marketCap))
                .setCirculatingSupply(circulating)
                .setTotalSupply(total)
                .setMaxSupply(max)
                .setRank(mw.rank())
                .setCategories(ref == null ? List.of() : ref.getCategories())
                .setSparkline7d(closes.sparkline())
                .setMarketCount(activeMarkets(s))
                .setNavUsd(mw.navUsd())
                .setPremiumPct(mw.premiumPct())
                .setLastTradeTime(s.lastTradeTime == Long.MIN_VALUE ? null : Instant.ofEpochMilli(s.lastTradeTime))
                .setUpdatedAt(Instant.ofEpochMilli(s.evaluatedAt))
                .build();
    }

    private static int activeMarkets(AssetState s) {
        long since = s.window.firstMinute() * 60_000L;
        int n = 0;
        for (MarketQuote q : s.markets) {
            if (q.lastTradeTime() >= since) {
                n++;
            }
        }
        return n;
    }

    private static AllTimeExtremes seed(AssetReference ref) {
        if (ref == null) {
            return AllTimeExtremes.NONE;
        }
        PricePoint ath = ref.getAth();
        PricePoint atl = ref.getAtl();
        return new AllTimeExtremes(ath == null ? Double.NaN : ath.getPriceUsd(),
                ath == null ? Extremes.NONE : ath.getTime().toEpochMilli(),
                atl == null ? Double.NaN : atl.getPriceUsd(),
                atl == null ? Extremes.NONE : atl.getTime().toEpochMilli());
    }
}
