package io.marketmetrics.producers.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The producers' /metrics: JVM meters and whatever the process meters into Micrometer's global registry. */
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void servesGlobalAndJvmMetersInPrometheusFormat() throws Exception {
        try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0)) {
            Counter counter = Metrics.counter("mm.test.events", "venue", "binance");
            counter.increment(3);
            HttpResponse<String> r = get("http://127.0.0.1:" + endpoint.port() + "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(r.body()).contains("mm_test_events_total{venue=\"binance\"} 3.0");
            assertThat(r.body()).contains("jvm_memory_used_bytes{", "process_uptime_seconds ");
            assertThat(get("http://127.0.0.1:" + endpoint.port() + "/other").statusCode()).isEqualTo(404);
            Metrics.globalRegistry.remove(counter);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
