package io.marketmetrics.producers.replay;

import io.marketmetrics.schema.TakerSide;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsing of trade-file fields shared by every format. Each throws {@link IllegalArgumentException}
 * with a message naming the field and the bad text; readers add the location.
 */
final class FieldParsers {

    /** A plain decimal number: no NaN, Infinity, hexadecimal or Java suffixes ({@code 1d}) that parseDouble accepts. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,19}");
    /** Epoch values at or above this are microseconds (Binance spot dumps since 2025): year 5138 in ms. */
    private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

    private FieldParsers() {
    }

    /** The double of a decimal string, parsed from the text itself (no float arithmetic on the way). */
    static double decimal(String field, String text) {
        String value = text.trim();
        if (!DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": not a decimal number: \"" + text + "\"");
        }
        return Double.parseDouble(value);
    }

    /** Epoch milliseconds, or epoch microseconds (converted), from an integer string. */
    static Instant epoch(String field, String text) {
        String value = text.trim();
        if (!DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": not an epoch time in milliseconds: \"" + text + "\"");
        }
        long number = Long.parseLong(value);
        return Instant.ofEpochMilli(number >= MICROS_THRESHOLD ? number / 1000 : number);
    }

    /** Epoch milliseconds (digits) or an ISO-8601 time with a zone ({@code 2024-01-02T03:04:05.678Z}). */
    static Instant epochOrIso(String field, String text) {
        String value = text.trim();
        if (DIGITS.matcher(value).matches()) {
            return epoch(field, value);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": neither epoch milliseconds nor an ISO-8601 time with a zone: \""
                    + text + "\"");
        }
    }

    /** {@code buy}, {@code sell} or empty (unknown), in any case. */
    static TakerSide side(String field, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "buy" -> TakerSide.BUY;
            case "sell" -> TakerSide.SELL;
            case "" -> TakerSide.UNKNOWN;
            default -> throw new IllegalArgumentException(field + ": must be buy, sell or empty: \"" + text + "\"");
        };
    }

    /** Binance's {@code is_buyer_maker}: a maker buyer means the taker sold. */
    static TakerSide buyerMaker(String field, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> TakerSide.SELL;
            case "false" -> TakerSide.BUY;
            default -> throw new IllegalArgumentException(field + ": must be true or false: \"" + text + "\"");
        };
    }

    /** A non-empty field. */
    static String required(String field, String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + ": is empty");
        }
        return value;
    }
}
