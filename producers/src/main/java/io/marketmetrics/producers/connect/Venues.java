package io.marketmetrics.producers.connect;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The supported venues by exchange id. */
public final class Venues {

    private static final Map<String, Supplier<Venue>> BY_ID = Map.of(
            "binance", BinanceVenue::new,
            "coinbase", CoinbaseVenue::new,
            "kraken", KrakenVenue::new,
            "okx", OkxVenue::new,
            "bybit", BybitVenue::new);

    private Venues() {
    }

    /** @throws IllegalArgumentException for an unsupported exchange, naming the supported ones */
    public static Venue byId(String exchange) {
        Supplier<Venue> venue = BY_ID.get(exchange.trim().toLowerCase(Locale.ROOT));
        if (venue == null) {
            throw new IllegalArgumentException("unsupported exchange '" + exchange + "'; supported: "
                    + String.join(", ", BY_ID.keySet().stream().sorted().toList()));
        }
        return venue.get();
    }
}
