package io.marketmetrics.app.topology.market;

import static io.marketmetrics.app.topology.calc.Figures.orNull;
import static io.marketmetrics.app.topology.calc.Figures.pctChange;

import io.marketmetrics.schema.ConstituentValue;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.IndexMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An index token's figures (METRICS.md, "Index tokens (SSI)") under the basket in force: NAV, each
 * constituent's value and weight, the constituents without a price, the token's premium, and each
 * constituent's target weight under the index rule ({@link TargetWeights}) with the drift from it.
 */
final class IndexFigures {

    private IndexFigures() {
    }

    /**
     * @param basket  the definition in force at {@code evaluatedAt}
     * @param assets  the latest snapshot of an asset, null when it has none
     */
    static IndexMetrics build(IndexDefinition basket, Function<String, AssetSnapshot> assets, long evaluatedAt) {
        List<IndexConstituent> constituents = basket.getConstituents();
        int n = constituents.size();
        double[] prices = new double[n];
        double[] values = new double[n];
        double[] caps = new double[n];
        double[] maxWeights = new double[n];
        List<String> missing = new ArrayList<>();
        double nav = 0;
        boolean allCaps = true;
        for (int i = 0; i < n; i++) {
            IndexConstituent c = constituents.get(i);
            AssetSnapshot s = assets.apply(c.getAsset());
            double price = s == null ? Double.NaN : s.priceUsd();
            prices[i] = price;
            values[i] = c.getUnits() * price;
            if (Double.isNaN(price)) {
                missing.add(c.getAsset());
            }
            nav += values[i];
            caps[i] = s == null ? Double.NaN : s.marketCapUsd();
            allCaps &= s != null && s.hasMarketCap();
            maxWeights[i] = c.getMaxWeightPct() == null ? Double.NaN : c.getMaxWeightPct();
        }
        Double navUsd = missing.isEmpty() ? nav : null;
        double[] targets = allCaps ? TargetWeights.of(caps, maxWeights) : null;
        List<ConstituentValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            IndexConstituent c = constituents.get(i);
            Double value = orNull(values[i]);
            Double weight = navUsd == null || value == null || navUsd == 0 ? null : 100 * value / navUsd;
            Double target = targets == null ? null : orNull(targets[i]);
            out.add(ConstituentValue.newBuilder()
                    .setAsset(c.getAsset())
                    .setUnits(c.getUnits())
                    .setPriceUsd(orNull(prices[i]))
                    .setValueUsd(value)
                    .setWeightPct(weight)
                    .setTargetWeightPct(target)
                    .setDriftPct(weight == null || target == null ? null : weight - target)
                    .build());
        }
        AssetSnapshot token = assets.apply(basket.getSymbol());
        Double tokenPrice = token == null ? null : orNull(token.priceUsd());
        return IndexMetrics.newBuilder()
                .setSymbol(basket.getSymbol())
                .setNavUsd(navUsd)
                .setPriceUsd(tokenPrice)
                .setPremiumPct(pctChange(tokenPrice, navUsd))
                .setEffectiveFrom(basket.getEffectiveFrom())
                .setConstituents(out)
                .setMissing(missing)
                .setUpdatedAt(Instant.ofEpochMilli(evaluatedAt))
                .build();
    }
}
