package io.marketmetrics.app.query;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.CategoryAsset;
import io.marketmetrics.schema.CategoryMetrics;
import io.marketmetrics.schema.ConstituentValue;
import io.marketmetrics.schema.IndexMetrics;
import io.marketmetrics.schema.MarketMetrics;

/**
 * The JSON shapes of the HTTP API (INTERFACES.md, "HTTP API"): camelCase fields in a fixed order,
 * times as ISO-8601 UTC strings, nulls where a figure is unknown.
 */
public final class JsonViews {

    // Configured as the mapper behind ctx.json(); the response stream is Javalin's to close.
    private static final ObjectWriter WRITER = JavalinJackson.defaultMapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonViews() {
    }

    /**
     * Answers {@code ctx} with {@code view} as JSON serialized straight into the response: every JSON answer of
     * the API goes through here. ctx.json() renders a String, encodes it to bytes and copies those through a fresh
     * buffer: three copies of every answer (under load, that buffer alone was 9 % of all the instance allocated;
     * docs/PERFORMANCE.md). Set the status and headers first: writing commits them.
     */
    static void write(Context ctx, Object view) throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        WRITER.writeValue(ctx.outputStream(), view);
    }

    /** {@code view} as a JSON string, for the live updates (written to every subscriber that follows it). */
    static String string(Object view) throws JsonProcessingException {
        return WRITER.writeValueAsString(view);
    }

    public static Map<String, Object> asset(AssetMetrics m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("symbol", m.getSymbol());
        v.put("name", m.getName());
        v.put("priceUsd", m.getPriceUsd());
        v.put("volume24hUsd", m.getVolume24hUsd());
        v.put("volume24hBase", m.getVolume24hBase());
        v.put("high24hUsd", m.getHigh24hUsd());
        v.put("low24hUsd", m.getLow24hUsd());
        v.put("change1hPct", m.getChange1hPct());
        v.put("change24hPct", m.getChange24hPct());
        v.put("change7dPct", m.getChange7dPct());
        v.put("athUsd", m.getAthUsd());
        v.put("athTime", time(m.getAthTime()));
        v.put("pctFromAth", m.getPctFromAth());
        v.put("atlUsd", m.getAtlUsd());
        v.put("atlTime", time(m.getAtlTime()));
        v.put("pctFromAtl", m.getPctFromAtl());
        v.put("marketCapUsd", m.getMarketCapUsd());
        v.put("fdvUsd", m.getFdvUsd());
        v.put("volumeToMarketCap", m.getVolumeToMarketCap());
        v.put("circulatingSupply", m.getCirculatingSupply());
        v.put("totalSupply", m.getTotalSupply());
        v.put("maxSupply", m.getMaxSupply());
        v.put("rank", m.getRank());
        v.put("categories", m.getCategories());
        v.put("sparkline7d", m.getSparkline7d());
        v.put("marketCount", m.getMarketCount());
        v.put("navUsd", m.getNavUsd());
        v.put("premiumPct", m.getPremiumPct());
        v.put("lastTradeTime", time(m.getLastTradeTime()));
        v.put("updatedAt", time(m.getUpdatedAt()));
        return v;
    }

    public static Map<String, Object> market(MarketMetrics m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("market", m.getMarket());
        v.put("exchange", m.getExchange());
        v.put("base", m.getBase());
        v.put("quote", m.getQuote());
        v.put("lastPrice", m.getLastPrice());
        v.put("lastPriceUsd", m.getLastPriceUsd());
        v.put("volume24hBase", m.getVolume24hBase());
        v.put("volume24hQuote", m.getVolume24hQuote());
        v.put("volume24hUsd", m.getVolume24hUsd());
        v.put("volumeSharePct", m.getVolumeSharePct());
        v.put("high24h", m.getHigh24h());
        v.put("low24h", m.getLow24h());
        v.put("lastTradeTime", time(m.getLastTradeTime()));
        v.put("tradeUrl", m.getTradeUrl());
        return v;
    }

    public static Map<String, Object> index(IndexMetrics m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("symbol", m.getSymbol());
        v.put("navUsd", m.getNavUsd());
        v.put("priceUsd", m.getPriceUsd());
        v.put("premiumPct", m.getPremiumPct());
        v.put("effectiveFrom", time(m.getEffectiveFrom()));
        List<Map<String, Object>> constituents = m.getConstituents().stream().map(JsonViews::constituent).toList();
        v.put("constituents", constituents);
        v.put("missing", m.getMissing());
        v.put("updatedAt", time(m.getUpdatedAt()));
        return v;
    }

    public static Map<String, Object> category(CategoryMetrics m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.getId());
        v.put("assetCount", m.getAssetCount());
        v.put("marketCapUsd", m.getMarketCapUsd());
        v.put("volume24hUsd", m.getVolume24hUsd());
        v.put("change24hPct", m.getChange24hPct());
        List<Map<String, Object>> assets = m.getAssets().stream().map(JsonViews::categoryAsset).toList();
        v.put("assets", assets);
        v.put("updatedAt", time(m.getUpdatedAt()));
        return v;
    }

    public static Map<String, Object> candle(Candle c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("start", time(c.getStart()));
        v.put("end", time(c.getEnd()));
        v.put("currency", c.getCurrency());
        v.put("open", c.getOpen());
        v.put("high", c.getHigh());
        v.put("low", c.getLow());
        v.put("close", c.getClose());
        v.put("volumeBase", c.getVolumeBase());
        v.put("volumeUsd", c.getVolumeUsd());
        v.put("tradeCount", c.getTradeCount());
        return v;
    }

    private static Map<String, Object> constituent(ConstituentValue c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("asset", c.getAsset());
        v.put("units", c.getUnits());
        v.put("priceUsd", c.getPriceUsd());
        v.put("valueUsd", c.getValueUsd());
        v.put("weightPct", c.getWeightPct());
        v.put("targetWeightPct", c.getTargetWeightPct());
        v.put("driftPct", c.getDriftPct());
        return v;
    }

    private static Map<String, Object> categoryAsset(CategoryAsset a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("symbol", a.getSymbol());
        v.put("marketCapUsd", a.getMarketCapUsd());
        v.put("priceUsd", a.getPriceUsd());
        v.put("change24hPct", a.getChange24hPct());
        return v;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
