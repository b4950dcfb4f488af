package io.marketmetrics.app.query;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
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

    /**
     * An asset's figures. Written field by field ({@link Streamed}) rather than built as a map: this is the
     * answer of the API's busiest endpoint and of every live update.
     */
    public static JsonSerializable asset(AssetMetrics m) {
        return (Streamed) g -> {
            g.writeStringField("symbol", m.getSymbol());
            g.writeStringField("name", m.getName());
            number(g, "priceUsd", m.getPriceUsd());
            number(g, "volume24hUsd", m.getVolume24hUsd());
            number(g, "volume24hBase", m.getVolume24hBase());
            number(g, "high24hUsd", m.getHigh24hUsd());
            number(g, "low24hUsd", m.getLow24hUsd());
            number(g, "change1hPct", m.getChange1hPct());
            number(g, "change24hPct", m.getChange24hPct());
            number(g, "change7dPct", m.getChange7dPct());
            number(g, "athUsd", m.getAthUsd());
            time(g, "athTime", m.getAthTime());
            number(g, "pctFromAth", m.getPctFromAth());
            number(g, "atlUsd", m.getAtlUsd());
            time(g, "atlTime", m.getAtlTime());
            number(g, "pctFromAtl", m.getPctFromAtl());
            number(g, "marketCapUsd", m.getMarketCapUsd());
            number(g, "fdvUsd", m.getFdvUsd());
            number(g, "volumeToMarketCap", m.getVolumeToMarketCap());
            number(g, "circulatingSupply", m.getCirculatingSupply());
            number(g, "totalSupply", m.getTotalSupply());
            number(g, "maxSupply", m.getMaxSupply());
            integer(g, "rank", m.getRank());
            g.writeArrayFieldStart("categories");
            for (String category : m.getCategories()) {
                g.writeString(category);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sparkline7d");
            for (Double close : m.getSparkline7d()) {
                number(g, close);
            }
            g.writeEndArray();
            integer(g, "marketCount", m.getMarketCount());
            number(g, "navUsd", m.getNavUsd());
            number(g, "premiumPct", m.getPremiumPct());
            time(g, "lastTradeTime", m.getLastTradeTime());
            time(g, "updatedAt", m.getUpdatedAt());
        };
    }

    /** A market's figures, written field by field like {@link #asset}: part of every asset's markets answer and live updates. */
    public static JsonSerializable market(MarketMetrics m) {
        return (Streamed) g -> {
            g.writeStringField("market", m.getMarket());
            g.writeStringField("exchange", m.getExchange());
            g.writeStringField("base", m.getBase());
            g.writeStringField("quote", m.getQuote());
            number(g, "lastPrice", m.getLastPrice());
            number(g, "lastPriceUsd", m.getLastPriceUsd());
            number(g, "volume24hBase", m.getVolume24hBase());
            number(g, "volume24hQuote", m.getVolume24hQuote());
            number(g, "volume24hUsd", m.getVolume24hUsd());
            number(g, "volumeSharePct", m.getVolumeSharePct());
            number(g, "high24h", m.getHigh24h());
            number(g, "low24h", m.getLow24h());
            time(g, "lastTradeTime", m.getLastTradeTime());
            g.writeStringField("tradeUrl", m.getTradeUrl());
        };
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

    private static void time(JsonGenerator g, String field, Instant t) throws IOException {
        g.writeStringField(field, time(t));
    }

    private static void number(JsonGenerator g, String field, Double value) throws IOException {
        g.writeFieldName(field);
        number(g, value);
    }

    // The same tokens Jackson writes for a Double in a map (nulls as null, NaN quoted by the mapper's default).
    private static void number(JsonGenerator g, Double value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.doubleValue());
        }
    }

    private static void integer(JsonGenerator g, String field, Integer value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    /**
     * A view that writes its object's fields straight to the generator. A {@code Map<String, Object>} view costs a map
     * entry and a boxed value per field, and Jackson then looks up a serializer for every value's class: for the asset
     * answer, that was most of the time spent writing JSON (docs/PERFORMANCE.md, "HTTP API").
     */
    @FunctionalInterface
    private interface Streamed extends JsonSerializable {

        void writeFields(JsonGenerator g) throws IOException;

        @Override
        default void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
            g.writeStartObject();
            writeFields(g);
            g.writeEndObject();
        }

        @Override
        default void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
            serialize(g, provider); // the API's views carry no type information
        }
    }
}
