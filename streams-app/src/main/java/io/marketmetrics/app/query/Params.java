package io.marketmetrics.app.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.javalin.http.Context;
import io.marketmetrics.model.Symbols;

/** Path and query parameters, checked: anything malformed is a 400 that says what was wrong. */
final class Params {

    private Params() {
    }

    /** An asset symbol from the path, upper-cased ({@code btc} is {@code BTC}). */
    static String symbol(Context ctx) {
        String raw = ctx.pathParam("symbol");
        String symbol = raw.toUpperCase(Locale.ROOT);
        if (!Symbols.isAssetSymbol(symbol)) {
            throw ApiException.badRequest("invalid asset symbol '" + raw + "': expected " + Symbols.ASSET_SYMBOL.pattern());
        }
        return symbol;
    }

    /** A category id ({@code defi}), from the path or a query parameter; lower case like the reference data. */
    static String categoryId(String raw) {
        String id = raw.toLowerCase(Locale.ROOT);
        if (!Symbols.isExchangeId(id)) {
            throw ApiException.badRequest("invalid category id '" + raw + "': expected " + Symbols.EXCHANGE_ID.pattern());
        }
        return id;
    }

    /** An optional integer query parameter in {@code [min, max]}. */
    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + " must be an integer from " + min + " to " + max + ", got '" + raw + "'");
    }

    /** An optional time: ISO-8601 ({@code 2026-11-20T10:00:00Z}) or epoch milliseconds. */
    static Instant time(Context ctx, String name, Instant defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return raw.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(raw)) : Instant.parse(raw);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 UTC time (2026-11-20T10:00:00Z) or epoch milliseconds, got '" + raw + "'");
        }
    }

    /** The {@code partitions} of an internal list request: comma-separated partition numbers. */
    static Set<Integer> partitions(Context ctx) {
        String raw = ctx.queryParam("partitions");
        Set<Integer> partitions = new TreeSet<>();
        try {
            for (String p : raw.split(",")) {
                partitions.add(Integer.parseInt(p));
            }
        } catch (NullPointerException | NumberFormatException e) {
            throw ApiException.badRequest("partitions must be comma-separated partition numbers, got '" + raw + "'");
        }
        return partitions;
    }
}
