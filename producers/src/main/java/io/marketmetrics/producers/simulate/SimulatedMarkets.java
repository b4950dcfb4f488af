package io.marketmetrics.producers.simulate;

import io.marketmetrics.model.Symbols;
import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.yaml.CheckedNode;
import io.marketmetrics.producers.yaml.InvalidFileException;
import io.marketmetrics.producers.yaml.YamlTrees;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the simulator trades (config/simulator.yaml): venues with their volume shares, spreads and
 * quote assets, assets with their price levels and volatilities, and the baskets of index tokens
 * (from the reference data, so that a simulated index token trades near its NAV).
 */
public record SimulatedMarkets(List<Venue> venues, List<Asset> assets, Map<String, List<IndexConstituent>> baskets) {

    /** The bundled copy of config/simulator.yaml, on the class path of both jars. */
    public static final String BUNDLED = "config/simulator.yaml";

    private static final Set<String> TOP_KEYS = Set.of("venues", "assets");
    private static final Set<String> VENUE_KEYS = Set.of("id", "volumeShare", "spreadBps", "quotes");
    private static final Set<String> ASSET_KEYS = Set.of("symbol", "priceUsd", "volatility", "correlation", "tradeShare",
            "venues", "index", "premiumPct");

    /** A venue: its share of each asset's trades, its quoted spread, and its quote assets with their shares. */
    public record Venue(String id, double volumeShare, double spreadBps, Map<String, Double> quotes) {
    }

    /**
     * A simulated asset; for an index token ({@code index}) the price is its basket's NAV times
     * {@code 1 + premiumPct / 100} and {@code priceUsd}, {@code volatility} and {@code correlation} are unused.
     */
    public record Asset(String symbol, double priceUsd, double volatility, double correlation, double tradeShare,
            List<String> venues, boolean index, double premiumPct) {
    }

    public SimulatedMarkets {
        venues = List.copyOf(venues);
        assets = List.copyOf(assets);
        baskets = Map.copyOf(baskets);
    }

    /**
     * Reads a simulator file; index tokens take their basket from {@code reference}.
     *
     * @throws InvalidFileException with every problem found
     */
    public static SimulatedMarkets load(Path file, ReferenceData reference) {
        return YamlTrees.read(file, root -> read(root, reference));
    }

    /** The bundled config/simulator.yaml with the bundled reference data. */
    public static SimulatedMarkets bundled() {
        return bundled(ReferenceData.bundled());
    }

    /** The bundled config/simulator.yaml, index tokens taking their basket from {@code reference}. */
    public static SimulatedMarkets bundled(ReferenceData reference) {
        return YamlTrees.readResource(BUNDLED, root -> read(root, reference));
    }

    /**
     * The markets restricted to some assets and venues (null: all of them); an asset keeps only the
     * chosen venues that list it. Without a choice of assets, those left without venues (and index tokens
     * left without constituents) are dropped; a chosen asset in that case is an error.
     *
     * @throws IllegalArgumentException for an unknown symbol or venue, a chosen asset left without venues,
     *     or a chosen index token without its constituents
     */
    public SimulatedMarkets only(Set<String> assetSymbols, Set<String> venueIds) {
        Set<String> knownAssets = assets.stream().map(Asset::symbol).collect(Collectors.toSet());
        Set<String> knownVenues = venues.stream().map(Venue::id).collect(Collectors.toSet());
        requireKnown("asset", assetSymbols, knownAssets);
        requireKnown("venue", venueIds, knownVenues);
        Set<String> keptVenues = venueIds == null ? knownVenues : venueIds;
        Set<String> keptAssets = assetSymbols != null ? assetSymbols : assets.stream()
                .filter(a -> a.venues().stream().anyMatch(keptVenues::contains)).map(Asset::symbol)
                .collect(Collectors.toSet());
        List<Asset> chosen = new ArrayList<>();
        for (Asset asset : assets) {
            if (!keptAssets.contains(asset.symbol())) {
                continue;
            }
            List<String> listed = asset.venues().stream().filter(keptVenues::contains).toList();
            if (listed.isEmpty()) {
                throw new IllegalArgumentException(asset.symbol() + " is listed on none of the chosen venues "
                        + keptVenues.stream().sorted().toList() + " (it is on " + asset.venues() + ")");
            }
            if (asset.index()) {
                List<String> missing = baskets.get(asset.symbol()).stream().map(IndexConstituent::getAsset)
                        .filter(c -> !keptAssets.contains(c)).toList();
                if (!missing.isEmpty() && assetSymbols == null) {
                    continue;
                }
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException(asset.symbol() + " needs its constituents " + missing);
                }
            }
            chosen.add(new Asset(asset.symbol(), asset.priceUsd(), asset.volatility(), asset.correlation(),
                    asset.tradeShare(), listed, asset.index(), asset.premiumPct()));
        }
        Map<String, List<IndexConstituent>> keptBaskets = new LinkedHashMap<>(baskets);
        keptBaskets.keySet().retainAll(chosen.stream().map(Asset::symbol).toList());
        return new SimulatedMarkets(venues.stream().filter(v -> keptVenues.contains(v.id())).toList(), chosen,
                keptBaskets);
    }

    private static void requireKnown(String what, Set<String> asked, Set<String> known) {
        if (asked != null && !known.containsAll(asked)) {
            List<String> unknown = asked.stream().filter(a -> !known.contains(a)).sorted().toList();
            throw new IllegalArgumentException("unknown " + what + "(s) " + unknown + "; the markets file has "
                    + known.stream().sorted().toList());
        }
    }

    private static SimulatedMarkets read(CheckedNode root, ReferenceData reference) {
        if (!root.isObject()) {
            return null;
        }
        root.allowOnly(TOP_KEYS);
        List<Venue> venues = new ArrayList<>();
        for (CheckedNode node : root.list("venues", true)) {
            Venue venue = venue(node);
            if (venue != null) {
                venues.add(venue);
            }
        }
        // Every declared id, also of venues with other errors: one bad field must not cascade into the assets.
        Set<String> venueIds = root.listQuietly("venues").stream().map(v -> v.textOf("id")).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, IndexDefinition> indexes = reference.indexes().stream()
                .collect(Collectors.toMap(IndexDefinition::getSymbol, i -> i, (a, b) -> b));
        List<Asset> assets = new ArrayList<>();
        Map<String, List<IndexConstituent>> baskets = new LinkedHashMap<>();
        for (CheckedNode node : root.list("assets", true)) {
            Asset asset = asset(node, venueIds);
            if (asset == null) {
                continue;
            }
            assets.add(asset);
            if (asset.index()) {
                IndexDefinition basket = indexes.get(asset.symbol());
                if (basket == null) {
                    node.child("index").error("no index definition for " + asset.symbol() + " in the reference data");
                } else {
                    baskets.put(asset.symbol(), basket.getConstituents());
                }
            }
        }
        checkBaskets(root, assets, baskets);
        return new SimulatedMarkets(venues, assets, baskets);
    }

    private static Venue venue(CheckedNode node) {
        if (!node.isObject()) {
            return null;
        }
        node.allowOnly(VENUE_KEYS);
        String id = node.string("id", true, Symbols::isExchangeId, "must be an exchange id (lower case [a-z0-9-]{1,32})");
        Double share = node.number("volumeShare", true, 0, true);
        Double spread = node.number("spreadBps", true, 0, false);
        Map<String, Double> quotes = new LinkedHashMap<>();
        node.entries("quotes", true).forEach((quote, value) -> {
            Double quoteShare = value.asNumber(0, true);
            if (!Symbols.isAssetSymbol(quote)) {
                value.error("must be keyed by an asset symbol");
            } else if (quoteShare != null) {
                quotes.put(quote, quoteShare);
            }
        });
        return id == null || share == null || spread == null || quotes.isEmpty() ? null
                : new Venue(id, share, spread, quotes);
    }

    private static Asset asset(CheckedNode node, Set<String> venueIds) {
        if (!node.isObject()) {
            return null;
        }
        node.allowOnly(ASSET_KEYS);
        String symbol = node.string("symbol", true, Symbols::isAssetSymbol, "must be an asset symbol (upper case [A-Z0-9.]{1,20})");
        boolean index = node.bool("index", false);
        Double price = node.number("priceUsd", !index, 0, true);
        Double volatility = node.number("volatility", !index, 0, false);
        Double correlation = node.number("correlation", false, -1, false);
        if (correlation != null && correlation > 1) {
            node.child("correlation").error("must be at most 1, got " + correlation);
            correlation = null;
        }
        Double tradeShare = node.number("tradeShare", true, 0, true);
        Double premium = node.number("premiumPct", false, -100, true);
        List<String> venues = new ArrayList<>();
        for (CheckedNode venue : node.list("venues", false)) {
            String id = venue.asString(venueIds::contains, "must be one of the venues " + venueIds);
            if (id != null) {
                venues.add(id);
            }
        }
        if (symbol == null || tradeShare == null || (!index && (price == null || volatility == null))) {
            return null;
        }
        return new Asset(symbol, index ? 0 : price, index ? 0 : volatility, correlation == null ? 0 : correlation,
                tradeShare, venues.isEmpty() ? List.copyOf(venueIds) : venues, index, premium == null ? 0 : premium);
    }

    /** Every constituent of a simulated basket must itself be a simulated, non-index asset. */
    private static void checkBaskets(CheckedNode root, List<Asset> assets, Map<String, List<IndexConstituent>> baskets) {
        Set<String> priced = assets.stream().filter(a -> !a.index()).map(Asset::symbol).collect(Collectors.toSet());
        baskets.forEach((index, constituents) -> constituents.stream()
                .map(IndexConstituent::getAsset)
                .filter(asset -> !priced.contains(asset))
                .forEach(asset -> root.child("assets").error("index " + index + " needs constituent " + asset
                        + " among the simulated assets")));
    }
}
