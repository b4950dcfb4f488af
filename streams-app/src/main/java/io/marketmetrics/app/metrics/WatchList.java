package io.marketmetrics.app.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.marketmetrics.schema.AssetMetrics;

/**
 * Which of this instance's assets get business gauges: the configured symbols, or by default every
 * index token (a symbol with a dot) and the top N by rank. While no rank is published yet (the
 * market-wide stage has not run), the top N by 24h USD volume of this instance stand in. Never more
 * than {@code max} assets, so the number of series stays bounded whatever the data.
 */
final class WatchList {

    private static final Comparator<AssetMetrics> BY_VOLUME = Comparator.comparingDouble(AssetMetrics::getVolume24hUsd).reversed()
            .thenComparing(AssetMetrics::getSymbol);

    private final Set<String> configured;
    private final int top;
    private final int max;

    WatchList(Collection<String> configured, int top, int max) {
        this.configured = new LinkedHashSet<>();
        configured.forEach(s -> this.configured.add(s.trim().toUpperCase(Locale.ROOT)));
        this.top = top;
        this.max = max;
    }

    /** The watched assets among {@code local}, index tokens first, then by rank (or volume). */
    List<AssetMetrics> select(Collection<AssetMetrics> local) {
        List<AssetMetrics> chosen = new ArrayList<>();
        if (!configured.isEmpty()) {
            local.stream().filter(a -> configured.contains(a.getSymbol()))
                    .sorted(Comparator.comparing(AssetMetrics::getSymbol)).forEach(chosen::add);
        } else {
            local.stream().filter(a -> isIndexToken(a.getSymbol()))
                    .sorted(Comparator.comparing(AssetMetrics::getSymbol)).forEach(chosen::add);
            List<AssetMetrics> others = local.stream().filter(a -> !isIndexToken(a.getSymbol())).toList();
            boolean ranked = others.stream().anyMatch(a -> a.getRank() != null);
            others.stream()
                    .filter(a -> !ranked || (a.getRank() != null && a.getRank() <= top))
                    .sorted(ranked ? Comparator.comparing(AssetMetrics::getRank) : BY_VOLUME)
                    .limit(top)
                    .forEach(chosen::add);
        }
        return chosen.size() > max ? chosen.subList(0, max) : chosen;
    }

    static boolean isIndexToken(String symbol) {
        return symbol.indexOf('.') >= 0;
    }
}
