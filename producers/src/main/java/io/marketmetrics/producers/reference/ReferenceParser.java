package io.marketmetrics.producers.reference;

import io.marketmetrics.model.Symbols;
import io.marketmetrics.producers.yaml.CheckedNode;
import io.marketmetrics.producers.yaml.InvalidFileException;
import io.marketmetrics.producers.yaml.YamlTrees;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.ExchangeReference;
import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.schema.PricePoint;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a reference file and validates all of it before anything is published: each problem is
 * reported with its path in the file, e.g. {@code assets[3].circulatingSupply: must be a number >= 0}.
 */
final class ReferenceParser {

    /** Category ids follow the exchange-id rule: lower case, digits and dashes. */
    private static final Pattern CATEGORY_ID = Symbols.EXCHANGE_ID;
    private static final Set<String> TOP_KEYS = Set.of("assets", "exchanges", "indexes");
    private static final Set<String> ASSET_KEYS = Set.of("symbol", "name", "categories", "circulatingSupply",
            "totalSupply", "maxSupply", "ath", "atl");
    private static final Set<String> PRICE_POINT_KEYS = Set.of("priceUsd", "time");
    private static final Set<String> EXCHANGE_KEYS = Set.of("id", "name", "tradeUrl");
    private static final Set<String> INDEX_KEYS = Set.of("symbol", "effectiveFrom", "constituents");
    private static final Set<String> CONSTITUENT_KEYS = Set.of("asset", "units", "maxWeightPct");

    private ReferenceParser() {
    }

    /** Reads and validates a reference file. @throws InvalidFileException with every problem found */
    static ReferenceData parse(Path file) {
        return YamlTrees.read(file, ReferenceParser::read);
    }

    /** Reads and validates a class path resource. */
    static ReferenceData parseResource(String name) {
        return YamlTrees.readResource(name, ReferenceParser::read);
    }

    private static ReferenceData read(CheckedNode root) {
        if (!root.isObject()) {
            return null;
        }
        root.allowOnly(TOP_KEYS);
        List<AssetReference> assets = new ArrayList<>();
        for (CheckedNode node : root.list("assets", false)) {
            AssetReference asset = asset(node);
            if (asset != null) {
                assets.add(asset);
            }
        }
        List<ExchangeReference> exchanges = new ArrayList<>();
        for (CheckedNode node : root.list("exchanges", false)) {
            ExchangeReference exchange = exchange(node);
            if (exchange != null) {
                exchanges.add(exchange);
            }
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        for (CheckedNode node : root.list("indexes", false)) {
            IndexDefinition index = index(node);
            if (index != null) {
                indexes.add(index);
            }
        }
        unique(root, "assets", "symbol");
        unique(root, "exchanges", "id");
        unique(root, "indexes", "symbol");
        return new ReferenceData(assets, exchanges, indexes);
    }

    private static AssetReference asset(CheckedNode node) {
        if (!node.isObject()) {
            return null;
        }
        node.allowOnly(ASSET_KEYS);
        String symbol = node.string("symbol", true, Symbols::isAssetSymbol,
                "must be an asset symbol (upper case [A-Z0-9.]{1,20})");
        String name = node.string("name", false, s -> !s.isBlank(), "must not be blank");
        List<String> categories = new ArrayList<>();
        for (CheckedNode category : node.list("categories", false)) {
            String id = category.asString(s -> CATEGORY_ID.matcher(s).matches(),
                    "must be a category id (lower case [a-z0-9-]{1,32})");
            if (id != null) {
                categories.add(id);
            }
        }
        Double circulating = node.number("circulatingSupply", false, 0, false);
        Double total = node.number("totalSupply", false, 0, false);
        Double max = node.number("maxSupply", false, 0, false);
        notAbove(node, "circulatingSupply", circulating, "totalSupply", total);
        notAbove(node, "circulatingSupply", circulating, "maxSupply", max);
        notAbove(node, "totalSupply", total, "maxSupply", max);
        PricePoint ath = pricePoint(node, "ath");
        PricePoint atl = pricePoint(node, "atl");
        if (ath != null && atl != null && atl.getPriceUsd() > ath.getPriceUsd()) {
            node.child("atl").error("priceUsd " + atl.getPriceUsd() + " is above the ath's " + ath.getPriceUsd());
        }
        if (symbol == null) {
            return null;
        }
        return AssetReference.newBuilder().setSymbol(symbol).setName(name).setCategories(categories)
                .setCirculatingSupply(circulating).setTotalSupply(total).setMaxSupply(max)
                .setAth(ath).setAtl(atl).build();
    }

    private static void notAbove(CheckedNode node, String lowKey, Double low, String highKey, Double high) {
        if (low != null && high != null && low > high) {
            node.child(lowKey).error("must not exceed " + highKey + " (" + low + " > " + high + ")");
        }
    }

    private static PricePoint pricePoint(CheckedNode asset, String key) {
        if (!asset.has(key)) {
            return null;
        }
        CheckedNode node = asset.child(key);
        if (!node.isObject()) {
            return null;
        }
        node.allowOnly(PRICE_POINT_KEYS);
        Double price = node.number("priceUsd", true, 0, true);
        Instant time = node.instant("time", true);
        return price == null || time == null ? null : new PricePoint(price, time);
    }

    private static ExchangeReference exchange(CheckedNode node) {
        if (!node.isObject()) {
            return null;
        }
        node.allowOnly(EXCHANGE_KEYS);
        String id = node.string("id", true, Symbols::isExchangeId, "must be an exchange id (lower case [a-z0-9-]{1,32})");
        String name = node.string("name", false, s -> !s.isBlank(), "must not be blank");
        String tradeUrl = node.string("tradeUrl", false,
                s -> s.matches("https?://\\S+") && s.contains("{base}") && s.contains("{quote}"),
                "must be an http(s) URL template containing {base} and {quote}");
        return id == null ? null : new ExchangeReference(id, name, tradeUrl);
    }

    private static IndexDefinition index(CheckedNode node) {
        if (!node.isObject()) {
            return null;
        }
        node.allowOnly(INDEX_KEYS);
        String symbol = node.string("symbol", true, Symbols::isAssetSymbol,
                "must be an asset symbol (upper case [A-Z0-9.]{1,20})");
        Instant effectiveFrom = node.instant("effectiveFrom", false);
        List<CheckedNode> items = node.list("constituents", true);
        if (node.has("constituents") && items.isEmpty()) {
            node.child("constituents").error("must list at least one constituent");
        }
        List<IndexConstituent> constituents = new ArrayList<>();
        for (CheckedNode item : items) {
            if (!item.isObject()) {
                continue;
            }
            item.allowOnly(CONSTITUENT_KEYS);
            String asset = item.string("asset", true, Symbols::isAssetSymbol,
                    "must be an asset symbol (upper case [A-Z0-9.]{1,20})");
            Double units = item.number("units", true, 0, true);
            Double maxWeight = item.number("maxWeightPct", false, 0, true);
            if (maxWeight != null && maxWeight > 100) {
                item.child("maxWeightPct").error("must be at most 100, got " + maxWeight);
            }
            if (asset != null && units != null) {
                constituents.add(new IndexConstituent(asset, units, maxWeight));
            }
        }
        unique(node, "constituents", "asset");
        // A basket without a start applies to every trade ever replayed.
        return symbol == null ? null : new IndexDefinition(symbol, effectiveFrom == null ? Instant.EPOCH : effectiveFrom,
                constituents);
    }

    /** Records an error for each item of a list whose {@code key} repeats an earlier item's. */
    private static void unique(CheckedNode parent, String listKey, String key) {
        Map<String, String> firstPath = new HashMap<>();
        for (CheckedNode item : parent.listQuietly(listKey)) {
            String value = item.textOf(key);
            if (value == null) {
                continue;
            }
            String earlier = firstPath.putIfAbsent(value, item.path());
            if (earlier != null) {
                item.child(key).error("duplicate " + value + " (first at " + earlier + ")");
            }
        }
    }
}
