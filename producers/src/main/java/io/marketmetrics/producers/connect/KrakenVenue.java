package io.marketmetrics.producers.connect;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kraken spot WebSocket v2, {@code trade} channel; symbols like {@code BTC/USD}. */
public final class KrakenVenue implements Venue {

    /** Kraken's legacy asset codes that still appear in its symbols, to the common ones. */
    private static final Map<String, String> ASSET_ALIASES = Map.of("XBT", "BTC", "XDG", "DOGE");

    @Override
    public String exchangeId() {
        return "kraken";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("wss://ws.kraken.com/v2");
    }

    @Override
    public VenueMarket market(String venueSymbol) {
        VenueMarket market = VenueMarket.parse(venueSymbol, "/");
        return new VenueMarket(market.venueSymbol(), alias(market.base()), alias(market.quote()));
    }

    private static String alias(String asset) {
        return ASSET_ALIASES.getOrDefault(asset, asset);
    }

    /**
     * With the default {@code snapshot=true}: after a reconnect the snapshot of recent trades fills
     * the outage, and the pipeline's dedupe drops the trades already published.
     */
    @Override
    public List<String> subscribeMessages(List<VenueMarket> markets) {
        List<String> symbols = markets.stream().map(VenueMarket::venueSymbol).toList();
        return List.of(JsonFields.write(JsonFields.fields(
                "method", "subscribe", "params", JsonFields.fields("channel", "trade", "symbol", symbols))));
    }

    /** None: Kraken sends a {@code heartbeat} channel message every second once subscribed. */
    @Override
    public Optional<KeepAlive> keepAlive() {
        return Optional.empty();
    }

    @Override
    public MessageParser parser() {
        return new KrakenParser();
    }

    /** v2 {@code trade_id}s are consecutive per market. */
    @Override
    public boolean sequentialTradeIds() {
        return true;
    }
}
