package io.marketmetrics.producers.simulate;

import io.marketmetrics.schema.IndexConstituent;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mid prices in USD as correlated geometric Brownian motions: each asset's log price moves with a
 * common market factor (loading {@code correlation}) and a factor of its own, so two assets correlate
 * by the product of their loadings. The market factor's path is drawn once per time step; an asset is
 * brought forward only when it trades, with the exact increments of both factors since its last trade,
 * which keeps the cost per trade constant however many assets there are. An index token's mid is its
 * basket's NAV times {@code 1 + premiumPct / 100}.
 */
final class PriceModel {

    private static final double MILLIS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

    private final List<SimulatedMarkets.Asset> assets;
    private final int[][] basketAssets;
    private final double[][] basketUnits;
    private final double[] logMid;
    private final long[] assetMillis;
    private final double[] assetFactor;
    private final Random random;
    private double factor;
    private long factorMillis;

    PriceModel(List<SimulatedMarkets.Asset> assets, Map<String, List<IndexConstituent>> baskets, long startMillis,
            Random random) {
        this.assets = assets;
        this.random = random;
        int n = assets.size();
        logMid = new double[n];
        assetMillis = new long[n];
        assetFactor = new double[n];
        basketAssets = new int[n][];
        basketUnits = new double[n][];
        for (int i = 0; i < n; i++) {
            SimulatedMarkets.Asset asset = assets.get(i);
            logMid[i] = asset.index() ? 0 : Math.log(asset.priceUsd());
            assetMillis[i] = startMillis;
            if (asset.index()) {
                List<IndexConstituent> basket = baskets.get(asset.symbol());
                basketAssets[i] = basket.stream().mapToInt(c -> indexOf(c.getAsset())).toArray();
                basketUnits[i] = basket.stream().mapToDouble(IndexConstituent::getUnits).toArray();
            }
        }
        factorMillis = startMillis;
    }

    /** Moves the market factor forward to {@code millis} (not backwards). */
    void advanceTo(long millis) {
        if (millis > factorMillis) {
            factor += Math.sqrt((millis - factorMillis) / MILLIS_PER_YEAR) * random.nextGaussian();
            factorMillis = millis;
        }
    }

    /** The asset's mid in USD at the market factor's current time. */
    double midUsd(int asset) {
        if (basketAssets[asset] != null) {
            double nav = 0;
            for (int k = 0; k < basketAssets[asset].length; k++) {
                nav += basketUnits[asset][k] * midUsd(basketAssets[asset][k]);
            }
            return nav * (1 + assets.get(asset).premiumPct() / 100);
        }
        long dt = factorMillis - assetMillis[asset];
        if (dt > 0) {
            SimulatedMarkets.Asset a = assets.get(asset);
            double sigma = a.volatility();
            double rho = a.correlation();
            double years = dt / MILLIS_PER_YEAR;
            double common = factor - assetFactor[asset];
            double own = Math.sqrt(years) * random.nextGaussian();
            // Ito: the -sigma^2/2 drift keeps the expected price flat.
            logMid[asset] += -0.5 * sigma * sigma * years + sigma * (rho * common + Math.sqrt(1 - rho * rho) * own);
            assetMillis[asset] = factorMillis;
            assetFactor[asset] = factor;
        }
        return Math.exp(logMid[asset]);
    }

    int indexOf(String symbol) {
        for (int i = 0; i < assets.size(); i++) {
            if (assets.get(i).symbol().equals(symbol)) {
                return i;
            }
        }
        return -1;
    }
}
