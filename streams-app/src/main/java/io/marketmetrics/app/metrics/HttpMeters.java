package io.marketmetrics.app.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.app.query.RequestListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code http_server_requests_seconds}: the time the HTTP API took to answer, by method, matched route
 * (a bounded set: the route pattern, never the path) and status; with buckets around the API's latency
 * targets (5 ms local, 20 ms forwarded) so that a dashboard can show the share of answers within them.
 */
final class HttpMeters implements RequestListener {

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(1000)};

    private final Meter.MeterProvider<Timer> timers;

    HttpMeters(MeterRegistry registry) {
        this.timers = Timer.builder("http.server.requests")
                .description("Time from an HTTP API request's arrival to its response written")
                .serviceLevelObjectives(BUCKETS)
                .withRegistry(registry);
    }

    @Override
    public void completed(String method, String route, int status, double millis) {
        timers.withTags("method", method, "route", route, "status", Integer.toString(status))
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }
}
