package io.marketmetrics.producers.connect;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bybit v5 public spot, {@code publicTrade.<symbol>} topics; symbols like {@code BTCUSDT}. */
public final class BybitVenue implements Venue {

    /** Bybit spot accepts at most 10 topics per subscribe request. */
    private static final int TOPICS_PER_REQUEST = 10;

    @Override
    public String exchangeId() {
        return "bybit";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("wss://stream.bybit.com/v5/public/spot");
    }

    @Override
    public VenueMarket market(String venueSymbol) {
        return VenueMarket.parse(venueSymbol, "");
    }

    @Override
    public List<String> subscribeMessages(List<VenueMarket> markets) {
        List<String> topics = markets.stream().map(m -> "publicTrade." + m.venueSymbol()).toList();
        List<String> messages = new ArrayList<>();
        for (int from = 0; from < topics.size(); from += TOPICS_PER_REQUEST) {
            List<String> chunk = topics.subList(from, Math.min(topics.size(), from + TOPICS_PER_REQUEST));
            messages.add(JsonFields.write(JsonFields.fields("op", "subscribe", "args", chunk)));
        }
        return messages;
    }

    /** Bybit recommends {"op":"ping"} every 20 s or the connection may be dropped. */
    @Override
    public Optional<KeepAlive> keepAlive() {
        return Optional.of(new KeepAlive("{\"op\":\"ping\"}", Duration.ofSeconds(20)));
    }

    @Override
    public MessageParser parser() {
        return new BybitParser();
    }

    /**
     * Spot trade ids are numeric and increase per symbol (linear ones are UUIDs, never checked);
     * see the connector README for how consecutive they are in recorded data.
     */
    @Override
    public boolean sequentialTradeIds() {
        return true;
    }
}
