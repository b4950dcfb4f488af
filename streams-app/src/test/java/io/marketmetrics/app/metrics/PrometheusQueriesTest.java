package io.marketmetrics.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.producers.metrics.MetricsEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes the real application (real broker, trades flowing, a few bad ones) and a
 * producers metrics endpoint, with the shipped alert rules loaded. Then every PromQL expression of every
 * dashboard panel and rule is evaluated through Prometheus's HTTP API: each must parse, each panel's must
 * return data, each dashboard variable must offer values, and every rule group must evaluate without error.
 */
class PrometheusQueriesTest {

    @TempDir
    Path dir;

    @Test
    void everyDashboardAndAlertExpressionWorksAgainstTheRunningApplication() throws Exception {
        Path binary = Tools.require("prometheus", "prometheus");
        Path root = Tools.repositoryRoot();
        DeployedQueries queries = DeployedQueries.load(root);
        assertThat(queries.panelQueries()).hasSizeGreaterThan(15);
        assertThat(queries.ruleExpressions()).hasSize(7);

        try (RunningPipeline pipeline = RunningPipeline.start(dir, MetricsSettings.defaults().withRefresh(Duration.ofSeconds(1)));
             MetricsEndpoint producers = MetricsEndpoint.start("127.0.0.1", 0);
             PrometheusServer prometheus = PrometheusServer.start(binary, dir.resolve("prometheus"),
                     root.resolve("deploy/prometheus/alerts.yml"), pipeline.httpPort(), producers.port())) {
            // What the bad trades must have caused, counted by the application itself.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        assertThat(value(prometheus, "sum(mm_dlq_writes_total{reason=\"INVALID_PRICE\"})")).isEqualTo(1.0);
                        assertThat(value(prometheus, "sum(mm_dlq_writes_total{reason=\"LATE\"})")).isEqualTo(1.0);
                        assertThat(value(prometheus, "sum(kafka_stream_mm_rejected_late_total)")).isEqualTo(1.0);
                        assertThat(value(prometheus, "sum(kafka_stream_mm_without_usd_rate_total)")).isGreaterThanOrEqualTo(1.0);
                        assertThat(value(prometheus, "count(mm_index_premium_pct{asset=\"DEFI.SSI\"})")).isEqualTo(1.0);
                    });
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(panelsWithoutData(prometheus, queries)).isEmpty());
            assertThat(queries.variables()).hasSize(2);
            for (DeployedQueries.Variable variable : queries.variables()) {
                JsonNode values = prometheus.get("/api/v1/label/" + variable.label() + "/values?match[]="
                        + URLEncoder.encode(variable.selector(), StandardCharsets.UTF_8)).path("data");
                assertThat(values).as(variable.source()).isNotEmpty();
            }

            for (DeployedQueries.Query rule : queries.ruleExpressions()) {
                JsonNode answer = prometheus.query(rule.expr());
                assertThat(answer.path("status").asText()).as(rule.source() + ": " + answer).isEqualTo("success");
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode groups = prometheus.get("/api/v1/rules").path("data").path("groups");
                assertThat(groups).as(prometheus.log()).hasSize(2);
                for (JsonNode group : groups) {
                    for (JsonNode rule : group.path("rules")) {
                        assertThat(rule.path("health").asText()).as(rule.toString()).isEqualTo("ok");
                    }
                }
            });
        }
    }

    /** The panel queries that fail or return nothing, with Grafana's variables set as "All". */
    private static List<String> panelsWithoutData(PrometheusServer prometheus, DeployedQueries queries) {
        List<String> missing = new ArrayList<>();
        for (DeployedQueries.Query panel : queries.panelQueries()) {
            String expr = panel.expr().replace("$__rate_interval", "30s").replace("$instance", ".+").replace("$asset", ".+");
            JsonNode answer = prometheus.query(expr);
            if (!"success".equals(answer.path("status").asText()) || answer.path("data").path("result").isEmpty()) {
                missing.add(panel.source() + " [" + expr + "] -> " + answer);
            }
        }
        return missing;
    }

    /** The single value of an instant query, NaN when it has none. */
    private static double value(PrometheusServer prometheus, String expr) {
        JsonNode result = prometheus.query(expr).path("data").path("result");
        return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
    }
}
