package io.marketmetrics.producers;

import io.marketmetrics.model.Symbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a venue's market symbol into base and quote: {@code BTC-USDT}, {@code BTC/USDT},
 * {@code BTC_USDT} by their separator, and concatenated ones such as Binance's {@code BTCUSDT} by
 * the longest known quote asset they end with.
 */
public final class VenueSymbols {

    /** Quote assets of concatenated symbols, longest first so that FDUSD wins over USD. */
    private static final List<String> QUOTES = List.of("FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "DAI",
            "USD", "EUR", "GBP", "TRY", "BRL", "JPY", "AUD", "BTC", "ETH", "BNB", "SOL");

    private VenueSymbols() {
    }

    /** A market's base and quote asset symbols, upper case. */
    public record Pair(String base, String quote) {
    }

    /** The pair of a venue symbol, or empty when it cannot be split into two valid asset symbols. */
    public static Optional<Pair> split(String venueSymbol) {
        String symbol = venueSymbol.trim().toUpperCase(Locale.ROOT);
        for (char separator : new char[] {'-', '/', '_'}) {
            int at = symbol.indexOf(separator);
            if (at > 0) {
                return pair(symbol.substring(0, at), symbol.substring(at + 1));
            }
        }
        return QUOTES.stream()
                .filter(quote -> symbol.endsWith(quote) && symbol.length() > quote.length())
                .findFirst()
                .flatMap(quote -> pair(symbol.substring(0, symbol.length() - quote.length()), quote));
    }

    private static Optional<Pair> pair(String base, String quote) {
        return Symbols.isAssetSymbol(base) && Symbols.isAssetSymbol(quote) && !base.equals(quote)
                ? Optional.of(new Pair(base, quote))
                : Optional.empty();
    }
}
