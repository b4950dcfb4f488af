package io.marketmetrics.serde.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the REST client reaches the registry.
 *
 * @param urls            registry base URLs, tried in turn when one fails
 * @param userInfo        {@code user:password} for HTTP basic authentication, or null for none
 * @param connectTimeout  TCP connect timeout
 * @param requestTimeout  time allowed for a whole answer
 * @param maxRetries      further attempts after a 5xx answer, a timeout or a connection error
 * @param retryBackoff    wait before the first retry; doubled at every retry
 * @param maxRetryBackoff cap of the wait
 */
public record RestClientSettings(List<URI> urls, String userInfo, Duration connectTimeout, Duration requestTimeout,
                                 int maxRetries, Duration retryBackoff, Duration maxRetryBackoff) {
    public RestClientSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one registry URL is needed");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(maxRetryBackoff, "maxRetryBackoff");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
        }
    }

    /** The wait before retry number {@code retry} (1-based): exponential, capped. */
    Duration backoff(int retry) {
        long millis = retryBackoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxRetryBackoff.toMillis()));
    }
}
