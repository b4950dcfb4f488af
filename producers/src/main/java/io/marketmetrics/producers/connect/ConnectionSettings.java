package io.marketmetrics.producers.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the shared connection logic.
 *
 * @param initialBackoff the delay before the first reconnect; doubled on each failed attempt
 * @param maxBackoff the cap of the reconnect delay
 * @param idleTimeout with nothing received (no message, ping or pong) for this long, the connection
 *     is taken as dead (a half-open TCP connection) and replaced
 * @param keepAliveInterval overrides the venue's application-ping interval when not null (tests)
 */
public record ConnectionSettings(Duration initialBackoff, Duration maxBackoff, Duration idleTimeout,
        Duration keepAliveInterval) {

    public ConnectionSettings {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    /**
     * 1 s doubling to 60 s: fast recovery from a single drop without hammering a venue that is
     * down (venues rate-limit connection attempts). 90 s idle: every venue sends something at least
     * every 25 s (Binance pings every 20 s, Coinbase and Kraken heartbeat every second, OKX and Bybit
     * answer our pings), so 90 s of silence is a dead connection, not a quiet market.
     */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(90), null);
    }
}
