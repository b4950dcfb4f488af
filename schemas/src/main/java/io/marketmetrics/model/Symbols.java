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
}
