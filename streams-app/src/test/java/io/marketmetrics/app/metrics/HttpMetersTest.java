package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.marketmetrics.app.query.QueryApi;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.app.testing.PlaceholderTopology;
import io.marketmetrics.topics.TopicNames;
import org.junit.jupiter.api.Test;

/** Every HTTP API answer is timed at /metrics by method, route pattern (never the raw path) and status. */
class HttpMetersTest {

    @Test
    void answersAreCountedByRoutePatternAndStatus() {
        TopicNames topics = TopicNames.unprefixed();
        try (AppMetrics metrics = new AppMetrics(topics, MetricsSettings.defaults());
             QueryApi api = PlaceholderTopology.detachedApi(metrics)) {
            String base = "http://127.0.0.1:" + api.port();
            // No application is attached: asset queries answer 503.
            assertThat(Http.get(base + "/api/v1/assets/BTC").status()).isEqualTo(503);
            assertThat(Http.get(base + "/api/v1/assets/ETH").status()).isEqualTo(503);
            assertThat(Http.get(base + "/no/such/endpoint").status()).isEqualTo(404);

            // Timed once the response is written, so possibly just after the client has it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scrape(base))
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/assets/{symbol}\",status=\"503\"} 2")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1")
                    .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/assets/{symbol}\",status=\"503\",le=\"0.005\"}")
                    .doesNotContain("route=\"/api/v1/assets/BTC\""));
        }
    }

    private static String scrape(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
