package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.app.metrics.AppMetrics;
import io.marketmetrics.app.metrics.MetricsSettings;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.app.testing.PlaceholderTopology;
import io.marketmetrics.topics.TopicNames;
import org.junit.jupiter.api.Test;

/** The OpenAPI document served matches what is served: every route is in it, and nothing else. */
class OpenApiTest {

    @Test
    void documentListsExactlyTheRoutesServed() {
        TopicNames topics = TopicNames.unprefixed();
        // With the routes the runtime adds, as MetricsService starts it.
        try (AppMetrics metrics = new AppMetrics(topics, MetricsSettings.defaults());
             QueryApi api = PlaceholderTopology.detachedApi(metrics)) {
            Http.Response r = Http.get("http://127.0.0.1:" + api.port() + "/api/v1/openapi.json");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("openapi").asText()).startsWith("3.");

            Set<String> documented = new TreeSet<>();
            Iterator<Map.Entry<String, JsonNode>> paths = r.json().get("paths").fields();
            paths.forEachRemaining(path -> path.getValue().fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
            assertThat(documented).isEqualTo(new TreeSet<>(api.routes()));
            // Not vacuous: the API's own endpoints are among them.
            assertThat(documented).contains("GET /api/v1/assets/{symbol}", "GET /api/v1/stream", "GET /health", "GET /metrics");
        }
    }
}
