package io.marketmetrics.model;

import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** The naming rules of METRICS.md ("Words"): exchange ids, asset symbols and market ids. */
public final class Symbols {

    /** Exchange ids: lower case {@code [a-z0-9-]{1,32}}. */
    public static final Pattern EXCHANGE_ID = Pattern.compile("[a-z0-9-]{1,32}");
    /** Asset symbols: upper case {@code [A-Z0-9.]{1,20}}; index tokens contain a dot (DEFI.SSI). */
    public static final Pattern ASSET_SYMBOL = Pattern.compile("[A-Z0-9.]{1,20}");

    private Symbols() {
    }

    /** Whether {@code s} matches {@link #EXCHANGE_ID}; checked char by char: every trade is checked (twice). */
    public static boolean isExchangeId(String s) {
        return matches(s, 32, c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-');
    }

    /** Whether {@code s} matches {@link #ASSET_SYMBOL}; checked char by char, as {@link #isExchangeId}. */
    public static boolean isAssetSymbol(String s) {
        return matches(s, 20, c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.');
    }

    /** Whether {@code s} is 1 to {@code maxLength} chars, each of them {@code allowed}. */
    private static boolean matches(String s, int maxLength, IntPredicate allowed) {
        if (s == null || s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!allowed.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The market id {@code exchange:BASE-QUOTE}, e.g. {@code binance:BTC-USDT}. */
    public static String marketId(String exchange, String base, String quote) {
        return exchange + ':' + base + '-' + quote;
    }

    /** The base asset of a market id ({@link #marketId}), or null when {@code id} is not one (an asset symbol). */
    public static String baseOfMarket(String id) {
        int dash = separator(id);
        return dash < 0 ? null : id.substring(id.indexOf(':') + 1, dash);
    }

    /** The quote asset of a market id ({@link #marketId}), or null when {@code id} is not one (an asset symbol). */
    public static String quoteOfMarket(String id) {
        int dash = separator(id);
        return dash < 0 ? null : id.substring(dash + 1);
    }

    /** The dash between base and quote (symbols have none; exchange ids may), or -1 when {@code id} is no market id. */
    private static int separator(String id) {
        if (id == null) {
            return -1;
        }
        int colon = id.indexOf(':');
        int dash = id.lastIndexOf('-');
        return colon >= 0 && dash > colon + 1 && dash < id.length() - 1 ? dash : -1;
    }
}
