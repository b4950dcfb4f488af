package io.marketmetrics.producers.connect;

import io.marketmetrics.model.Symbols;
import io.marketmetrics.producers.VenueSymbols;

/**
 * One market of a venue: the venue's own symbol as it appears in the venue's messages, and the
 * normalized base and quote asset symbols.
 */
public record VenueMarket(String venueSymbol, String base, String quote) {

    public VenueMarket {
        if (!Symbols.isAssetSymbol(base) || !Symbols.isAssetSymbol(quote)) {
            throw new IllegalArgumentException("symbol " + venueSymbol + " gives base '" + base + "' and quote '"
                    + quote + "', which are not asset symbols [A-Z0-9.]{1,20}");
        }
    }

    /**
     * The market of a symbol as a user writes it ({@code BTCUSDT}, {@code BTC-USDT}, {@code btc/usdt}),
     * with the venue's own symbol spelled as the venue does: base and quote joined by
     * {@code separator} (empty for Binance and Bybit).
     *
     * @throws IllegalArgumentException when the symbol is not one spot market of two asset symbols
     */
    static VenueMarket parse(String symbol, String separator) {
        VenueSymbols.Pair pair = VenueSymbols.split(symbol).orElseThrow(() -> new IllegalArgumentException(
                "cannot split symbol '" + symbol + "' into the base and quote assets of a spot market; "
                        + "write it as BASE-QUOTE, e.g. BTC-USDT"));
        return new VenueMarket(pair.base() + separator + pair.quote(), pair.base(), pair.quote());
    }

    public String marketId(String exchange) {
        return Symbols.marketId(exchange, base, quote);
    }
}
