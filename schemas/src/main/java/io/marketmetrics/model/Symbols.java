package io.marketmetrics.model;

import java.util.regex.Pattern;

/** The naming rules of METRICS.md ("Words"): exchange ids, asset symbols and market ids. */
public final class Symbols {

    /** Exchange ids: lower case {@code [a-z0-9-]{1,32}}. */
    public static final Pattern EXCHANGE_ID = Pattern.compile("[a-z0-9-]{1,32}");
    /** Asset symbols: upper case {@code [A-Z0-9.]{1,20}}; index tokens contain a dot (DEFI.SSI). */
    public static final Pattern ASSET_SYMBOL = Pattern.compile("[A-Z0-9.]{1,20}");

    private Symbols() {
    }

    public static boolean isExchangeId(String s) {
        return s != null && EXCHANGE_ID.matcher(s).matches();
    }

    public static boolean isAssetSymbol(String s) {
        return s != null && ASSET_SYMBOL.matcher(s).matches();
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
