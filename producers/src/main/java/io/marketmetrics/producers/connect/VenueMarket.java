package io.marketmetrics.producers.connect;

import io.marketmetrics.model.Symbols;

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

    /** Splits {@code BASE<separator>QUOTE}, the form of Coinbase, OKX and Kraken symbols. */
    static VenueMarket split(String venueSymbol, char separator) {
        int at = venueSymbol.indexOf(separator);
        if (at <= 0 || at != venueSymbol.lastIndexOf(separator) || at == venueSymbol.length() - 1) {
            throw new IllegalArgumentException("symbol " + venueSymbol + " is not of the form BASE" + separator
                    + "QUOTE (spot markets only)");
        }
        return new VenueMarket(venueSymbol, venueSymbol.substring(0, at), venueSymbol.substring(at + 1));
    }

    public String marketId(String exchange) {
        return Symbols.marketId(exchange, base, quote);
    }
}
