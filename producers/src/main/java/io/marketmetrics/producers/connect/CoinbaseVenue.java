package io.marketmetrics.producers.connect;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Coinbase Advanced Trade, public {@code market_trades} channel. */
public final class CoinbaseVenue implements Venue {

    @Override
    public String exchangeId() {
        return "coinbase";
    }

    @Override
    public URI defaultEndpoint() {
        return URI.create("wss://advanced-trade-ws.coinbase.com");
    }

    @Override
    public VenueMarket market(String venueSymbol) {
        return VenueMarket.parse(venueSymbol, "-");
    }

    /**
     * {@code market_trades} plus {@code heartbeats}: Coinbase closes a connection whose channels stay
     * quiet, and the heartbeats keep it open for markets that rarely trade.
     */
    @Override
    public List<String> subscribeMessages(List<VenueMarket> markets) {
        List<String> products = markets.stream().map(VenueMarket::venueSymbol).toList();
        return List.of(
                JsonFields.write(JsonFields.fields("type", "subscribe", "product_ids", products, "channel", "market_trades")),
                JsonFields.write(JsonFields.fields("type", "subscribe", "product_ids", products, "channel", "heartbeats")));
    }

    @Override
    public Optional<KeepAlive> keepAlive() {
        return Optional.empty();
    }

    @Override
    public MessageParser parser() {
        return new CoinbaseParser();
    }

    /** Trade ids are per product but not documented as gap-free, so no gap detection. */
    @Override
    public boolean sequentialTradeIds() {
        return false;
    }
}
