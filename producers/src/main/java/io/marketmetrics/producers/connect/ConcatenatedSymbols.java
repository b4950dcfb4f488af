package io.marketmetrics.producers.connect;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Splits symbols written without a separator ({@code BTCUSDT}, Binance and Bybit) by the longest
 * known quote asset at their end. A user may also write {@code BTC-USDT} or {@code BTC/USDT} to name
 * a market whose quote is not in the list.
 */
final class ConcatenatedSymbols {

    /** Quote assets of Binance and Bybit spot markets; longer ones first so FDUSD wins over USD. */
    static final List<String> KNOWN_QUOTES = List.of(
            "FDUSD", "USDT", "USDC", "USDE", "TUSD", "BUSD", "USDP", "DAI", "USD",
            "BTC", "ETH", "BNB", "SOL", "XRP", "DOGE", "TRX", "MNT",
            "EUR", "GBP", "TRY", "BRL", "JPY", "AUD", "ARS", "MXN", "PLN", "RON", "UAH", "ZAR", "IDR", "COP", "CZK")
            .stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private ConcatenatedSymbols() {
    }

    static VenueMarket market(String input) {
        String symbol = input.trim().toUpperCase(Locale.ROOT);
        for (char separator : new char[] {'-', '/'}) {
            if (symbol.indexOf(separator) >= 0) {
                VenueMarket split = VenueMarket.split(symbol, separator);
                return new VenueMarket(split.base() + split.quote(), split.base(), split.quote());
            }
        }
        for (String quote : KNOWN_QUOTES) {
            if (symbol.length() > quote.length() && symbol.endsWith(quote)) {
                return new VenueMarket(symbol, symbol.substring(0, symbol.length() - quote.length()), quote);
            }
        }
        throw new IllegalArgumentException("cannot split symbol " + input + " into base and quote: its quote is "
                + "not one of " + KNOWN_QUOTES + "; write it as BASE-QUOTE instead");
    }
}
