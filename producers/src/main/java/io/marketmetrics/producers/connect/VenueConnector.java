package io.marketmetrics.producers.connect;

import io.marketmetrics.producers.TradeSink;
import io.marketmetrics.producers.TradeSource;
import io.marketmetrics.schema.Trade;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live trade source for one venue: subscribes to the trades of the configured markets, normalizes
 * them to {@link Trade} records and hands them to the sink, reconnecting as long as it runs. Bad or
 * unknown messages are counted and logged, never fatal.
 */
public final class VenueConnector implements TradeSource {

    private static final Logger LOG = LoggerFactory.getLogger(VenueConnector.class);
    /** Longest excerpt of a bad message in a log line. */
    private static final int EXCERPT = 300;

    private final Venue venue;
    private final String exchange;
    private final URI endpoint;
    private final Map<String, VenueMarket> markets = new LinkedHashMap<>();
    private final MessageParser parser;
    private final ConnectorMetrics metrics;
    private final TradeIdGaps gaps = new TradeIdGaps();
    private final ReconnectingWebSocket socket;

    /**
     * @param symbols the venue's own symbols (e.g. {@code BTCUSDT}, {@code BTC-USD}, {@code BTC/USD})
     * @param endpoint the WebSocket URL, or null for the venue's official one
     * @throws IllegalArgumentException for no symbols, a symbol that cannot be split, or a non-ws URL
     */
    public VenueConnector(Venue venue, List<String> symbols, URI endpoint, ConnectionSettings settings,
            MeterRegistry registry) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.exchange = venue.exchangeId();
        this.endpoint = endpoint == null ? venue.defaultEndpoint() : endpoint;
        if (!List.of("ws", "wss").contains(String.valueOf(this.endpoint.getScheme()))) {
            throw new IllegalArgumentException("not a WebSocket URL (ws:// or wss://): " + this.endpoint);
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols to subscribe to");
        }
        for (String symbol : symbols) {
            VenueMarket market = venue.market(symbol);
            markets.put(market.venueSymbol(), market);
        }
        this.parser = venue.parser();
        this.metrics = new ConnectorMetrics(registry, exchange,
                markets.values().stream().map(m -> m.marketId(exchange)).toList(), System::currentTimeMillis);
        this.socket = new ReconnectingWebSocket(exchange, this.endpoint,
                venue.subscribeMessages(List.copyOf(markets.values())), venue.keepAlive(), settings);
    }

    @Override
    public String describe() {
        return "connect " + exchange + " " + String.join(",", markets.keySet()) + " via " + endpoint;
    }

    /** Streams until {@link #close}; only an interrupt ends it otherwise. */
    @Override
    public void run(TradeSink sink) throws InterruptedException {
        socket.run(new ReconnectingWebSocket.Events() {
            @Override
            public void message(String text) {
                handle(text, sink);
            }

            @Override
            public void binaryMessage() {
                metrics.messages.increment();
                warnSometimes(metrics.unknownMessages, "a binary message", "");
            }

            @Override
            public void disconnected(String reason) {
                metrics.reconnects.increment();
            }
        });
    }

    @Override
    public void close() {
        socket.close();
    }

    /** A one-line account of what went wrong so far, for progress lines; empty while nothing did. */
    public String health() {
        List<String> parts = new ArrayList<>();
        note(parts, metrics.reconnects, "reconnects");
        note(parts, metrics.parseErrors, "malformed messages");
        note(parts, metrics.unknownMessages, "unknown messages");
        note(parts, metrics.venueErrors, "venue errors");
        note(parts, metrics.droppedTrades, "dropped trades");
        note(parts, metrics.missedTrades, "trades missed in id gaps");
        return String.join(", ", parts);
    }

    private static void note(List<String> parts, Counter counter, String what) {
        long count = (long) counter.count();
        if (count > 0) {
            parts.add(String.format(Locale.ROOT, "%,d %s", count, what));
        }
    }

    private void handle(String text, TradeSink sink) {
        metrics.messages.increment();
        ParsedMessage parsed;
        try {
            parsed = parser.parse(text);
        } catch (MalformedMessageException e) {
            warnSometimes(metrics.parseErrors, "a malformed message (" + e.getMessage() + ")", text);
            return;
        }
        switch (parsed.kind()) {
            case TRADES -> parsed.trades().forEach(trade -> publish(trade, sink));
            case VENUE_ERROR -> warnSometimes(metrics.venueErrors, "an error from the venue", parsed.detail());
            case UNKNOWN -> warnSometimes(metrics.unknownMessages, "a message of unknown kind", text);
            case CONTROL -> {
                // acknowledgements, heartbeats, pongs: nothing to publish
            }
        }
    }

    private void publish(VenueTrade venueTrade, TradeSink sink) {
        VenueMarket market = markets.get(venueTrade.symbol());
        if (market == null) {
            warnSometimes(metrics.droppedTrades, "a trade of a market not subscribed to", venueTrade.toString());
            return;
        }
        if (!isPositive(venueTrade.price()) || !isPositive(venueTrade.quantity())) {
            warnSometimes(metrics.droppedTrades, "a trade without a positive price and size", venueTrade.toString());
            return;
        }
        String marketId = market.marketId(exchange);
        detectGap(marketId, venueTrade.tradeId());
        sink.accept(Trade.newBuilder()
                .setExchange(exchange)
                .setBase(market.base())
                .setQuote(market.quote())
                .setPrice(venueTrade.price())
                .setQuantity(venueTrade.quantity())
                .setTradeId(venueTrade.tradeId())
                .setSide(venueTrade.side())
                .setEventTime(Instant.ofEpochMilli(venueTrade.timeMillis()))
                .build());
        metrics.trades.increment();
        metrics.tradeTime(marketId, venueTrade.timeMillis());
    }

    private void detectGap(String marketId, String tradeId) {
        if (!venue.sequentialTradeIds()) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(tradeId);
        } catch (NumberFormatException e) {
            return; // e.g. Bybit linear UUIDs: nothing to compare
        }
        long missed = gaps.observe(marketId, id);
        if (missed > 0) {
            metrics.gaps.increment();
            metrics.missedTrades.increment(missed);
            LOG.warn("{}: trade id gap in {}: {} trade(s) missed before id {}", exchange, marketId, missed, id);
        }
    }

    private static boolean isPositive(double value) {
        return value > 0 && Double.isFinite(value);
    }

    /** Counts, and logs the first ten of each kind then every thousandth, so a format change cannot flood the log. */
    private void warnSometimes(Counter counter, String what, String text) {
        counter.increment();
        long count = (long) counter.count();
        if (count <= 10 || count % 1000 == 0) {
            String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
            LOG.warn("{}: skipped {} (#{} of this kind): {}", exchange, what, count, excerpt);
        }
    }
}
