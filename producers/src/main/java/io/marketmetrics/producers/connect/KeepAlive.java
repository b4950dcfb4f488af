package io.marketmetrics.producers.connect;

import java.time.Duration;

/** An application-level ping: the text to send and how often. */
public record KeepAlive(String message, Duration interval) {
}
