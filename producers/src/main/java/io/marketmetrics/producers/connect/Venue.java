package io.marketmetrics.producers.connect;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What differs between venues: endpoint, symbol rules, subscription and keep-alive messages, and the
 * message parser. Everything else (connection, reconnects, gaps, metrics) is shared by {@link VenueConnector}.
 */
public interface Venue {

    /** The exchange id of published trades, lower case (e.g. {@code binance}). */
    String exchangeId();

    /** The venue's official public WebSocket endpoint. */
    URI defaultEndpoint();

    /**
     * The market of one of the venue's own symbols as a user types it (e.g. {@code BTCUSDT}).
     *
     * @throws IllegalArgumentException when the symbol cannot be split into base and quote
     */
    VenueMarket market(String venueSymbol);

    /** The text frames that subscribe to the trades of these markets, sent on every (re)connect. */
    List<String> subscribeMessages(List<VenueMarket> markets);

    /** The application-level ping the venue requires, if any (protocol pings are answered by the JDK). */
    Optional<KeepAlive> keepAlive();

    MessageParser parser();

    /** Whether numeric trade ids of one market are consecutive, so that a jump is a gap of missed trades. */
    boolean sequentialTradeIds();
}
