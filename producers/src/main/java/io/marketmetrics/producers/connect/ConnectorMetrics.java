package io.marketmetrics.producers.connect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A connector's meters, tagged by exchange. The per-market gauge exists only for the configured
 * markets, so the number of time series is bounded by the command line, not by what a venue sends.
 */
final class ConnectorMetrics {

    static final String MESSAGES = "connector.messages";
    static final String TRADES = "connector.trades";
    static final String RECONNECTS = "connector.reconnects";
    static final String PARSE_ERRORS = "connector.parse.errors";
    static final String UNKNOWN_MESSAGES = "connector.unknown.messages";
    static final String VENUE_ERRORS = "connector.venue.errors";
    static final String DROPPED_TRADES = "connector.dropped.trades";
    static final String GAPS = "connector.gaps";
    static final String MISSED_TRADES = "connector.gap.missed.trades";
    static final String LAST_TRADE_AGE = "connector.last.trade.age.seconds";

    final Counter messages;
    final Counter trades;
    final Counter reconnects;
    final Counter parseErrors;
    final Counter unknownMessages;
    final Counter venueErrors;
    final Counter droppedTrades;
    final Counter gaps;
    final Counter missedTrades;
    private final Map<String, AtomicLong> lastTradeMillis = new ConcurrentHashMap<>();

    ConnectorMetrics(MeterRegistry registry, String exchange, Collection<String> marketIds, LongSupplier clock) {
        messages = counter(registry, MESSAGES, exchange, "Text messages received");
        trades = counter(registry, TRADES, exchange, "Trades handed to the sink");
        reconnects = counter(registry, RECONNECTS, exchange, "Connections lost and re-established");
        parseErrors = counter(registry, PARSE_ERRORS, exchange, "Messages that could not be parsed, skipped");
        unknownMessages = counter(registry, UNKNOWN_MESSAGES, exchange, "Well-formed messages of unknown kind");
        venueErrors = counter(registry, VENUE_ERRORS, exchange, "Error responses of the venue");
        droppedTrades = counter(registry, DROPPED_TRADES, exchange,
                "Trades not published: not a configured market, or a non-positive price or size");
        gaps = counter(registry, GAPS, exchange, "Jumps in consecutive trade ids");
        missedTrades = counter(registry, MISSED_TRADES, exchange, "Trade ids skipped by those jumps");
        for (String market : marketIds) {
            AtomicLong last = new AtomicLong(Long.MIN_VALUE);
            lastTradeMillis.put(market, last);
            Gauge.builder(LAST_TRADE_AGE, last, l -> l.get() == Long.MIN_VALUE
                            ? Double.NaN : (clock.getAsLong() - l.get()) / 1000.0)
                    .description("Seconds since the venue time of the market's last trade; NaN before the first")
                    .tag("exchange", exchange).tag("market", market)
                    .register(registry);
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String exchange, String description) {
        return Counter.builder(name).description(description).tag("exchange", exchange).register(registry);
    }

    void tradeTime(String marketId, long timeMillis) {
        AtomicLong last = lastTradeMillis.get(marketId);
        if (last != null) {
            last.accumulateAndGet(timeMillis, Math::max);
        }
    }
}
