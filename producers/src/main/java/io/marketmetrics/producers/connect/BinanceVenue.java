package io.marketmetrics.producers.connect;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Binance spot, {@code <symbol>@trade} streams on the combined-stream endpoint. */
public final class BinanceVenue implements Venue {

    @Override
    public String exchangeId() {
        return "binance";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("wss://stream.binance.com:9443/stream");
    }

    @Override
    public VenueMarket market(String venueSymbol) {
        return VenueMarket.parse(venueSymbol, "");
    }

    @Override
    public List<String> subscribeMessages(List<VenueMarket> markets) {
        List<String> streams = markets.stream()
                .map(m -> m.venueSymbol().toLowerCase(Locale.ROOT) + "@trade").toList();
        return List.of(JsonFields.write(JsonFields.fields("method", "SUBSCRIBE", "params", streams, "id", 1)));
    }

    /** None: the server sends protocol pings, which the JDK client answers. */
    @Override
    public Optional<KeepAlive> keepAlive() {
        return Optional.empty();
    }

    @Override
    public MessageParser parser() {
        return new BinanceParser();
    }

    /** The {@code t} ids of one symbol's trade stream are consecutive. */
    @Override
    public boolean sequentialTradeIds() {
        return true;
    }
}
