package io.marketmetrics.producers.connect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** OKX v5 public {@code trades} channel; spot instruments like {@code BTC-USDT}. */
public final class OkxVenue implements Venue {

    @Override
    public String exchangeId() {
        return "okx";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("wss://ws.okx.com:8443/ws/v5/public");
    }

    /** Spot only: swap and futures ids ({@code BTC-USD-SWAP}) count sizes in contracts, not base units, and are refused. */
    @Override
    public VenueMarket market(String venueSymbol) {
        return VenueMarket.parse(venueSymbol, "-");
    }

    @Override
    public List<String> subscribeMessages(List<VenueMarket> markets) {
        List<Map<String, Object>> args = markets.stream()
                .map(m -> JsonFields.fields("channel", "trades", "instId", m.venueSymbol())).toList();
        return List.of(JsonFields.write(JsonFields.fields("op", "subscribe", "args", args)));
    }

    /** OKX closes a connection that sends nothing for 30 s; a text {@code ping} every 25 s keeps it. */
    @Override
    public Optional<KeepAlive> keepAlive() {
        return Optional.of(new KeepAlive("ping", Duration.ofSeconds(25)));
    }

    @Override
    public MessageParser parser() {
        return new OkxParser();
    }

    /** Trade ids are not documented as gap-free, so no gap detection. */
    @Override
    public boolean sequentialTradeIds() {
        return false;
    }
}
