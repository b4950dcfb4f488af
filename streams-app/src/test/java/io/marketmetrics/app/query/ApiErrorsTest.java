package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.metrics.AppMetrics;
import io.marketmetrics.app.metrics.MetricsSettings;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.app.testing.PlaceholderTopology;
import io.marketmetrics.topics.TopicNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bad request gets its status and a message saying what was wrong, in the documented shape
 * {@code {"error": "...", "status": N}}; bad parameters are told apart before anything is read, so
 * these hold with no application running (which is itself a 503 with the state).
 */
class ApiErrorsTest {

    private static QueryApi api;
    private static AppMetrics metrics;
    private static String base;

    @BeforeAll
    static void start() {
        metrics = new AppMetrics(TopicNames.unprefixed(), MetricsSettings.defaults());
        api = PlaceholderTopology.detachedApi(metrics);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() {
        api.close();
        metrics.close();
    }

    private static void expect(String path, int status, String message) {
        Http.Response r = Http.get(base + path);
        assertThat(r.status()).as(path).isEqualTo(status);
        assertThat(r.json().get("status").asInt()).as(path).isEqualTo(status);
        assertThat(r.json().get("error").asText()).as(path).isEqualTo(message);
    }

    @Test
    void notRunningIs503WithTheState() {
        expect("/health", 503, "application is STARTING");
        expect("/api/v1/assets/BTC", 503, "stores not queryable while the application is STARTING");
        expect("/api/v1/assets/BTC/markets", 503, "stores not queryable while the application is STARTING");
        expect("/api/v1/assets", 503, "stores not queryable while the application is STARTING");
    }

    @Test
    void badSymbolsAre400() {
        String why = "': expected [A-Z0-9.]{1,20}";
        expect("/api/v1/assets/B$C", 400, "invalid asset symbol 'B$C" + why);
        expect("/api/v1/assets/B$C/markets", 400, "invalid asset symbol 'B$C" + why);
        expect("/api/v1/assets/ABCDEFGHIJKLMNOPQRSTU", 400, "invalid asset symbol 'ABCDEFGHIJKLMNOPQRSTU" + why);
        expect("/api/v1/indexes/DEFI_SSI", 400, "invalid asset symbol 'DEFI_SSI" + why);
        expect("/api/v1/stream?symbols=BTC,E%20H", 400,
                "invalid asset symbol 'E H' in symbols: expected [A-Z0-9.]{1,20}, comma-separated");
    }

    @Test
    void badListParametersAre400() {
        expect("/api/v1/assets?limit=0", 400, "limit must be an integer from 1 to 1000, got '0'");
        expect("/api/v1/assets?limit=1001", 400, "limit must be an integer from 1 to 1000, got '1001'");
        expect("/api/v1/assets?limit=ten", 400, "limit must be an integer from 1 to 1000, got 'ten'");
        expect("/api/v1/assets?offset=-1", 400, "offset must be an integer from 0 to 100000, got '-1'");
        expect("/api/v1/assets?category=De_Fi", 400, "invalid category id 'De_Fi': expected [a-z0-9-]{1,32}");
        expect("/api/v1/categories/a%20b", 400, "invalid category id 'a b': expected [a-z0-9-]{1,32}");
        expect("/internal/v1/assets?partitions=1,x", 400, "partitions must be comma-separated partition numbers, got '1,x'");
    }

    @Test
    void tooManyStreamSymbolsIs400() {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            symbols.append(i == 0 ? "" : ",").append("A").append(i);
        }
        expect("/api/v1/stream?symbols=" + symbols, 400, "at most 100 symbols per stream, got 101");
    }

    @Test
    void figuresThisTopologyDoesNotComputeAre404() {
        expect("/api/v1/indexes/DEFI.SSI", 404,
                "index figures are not computed by this deployment (its topology has no store index-metrics-store)");
        expect("/api/v1/categories", 404,
                "category figures are not computed by this deployment (its topology has no store category-metrics-store)");
        expect("/api/v1/categories/defi", 404,
                "category figures are not computed by this deployment (its topology has no store category-metrics-store)");
    }

    @Test
    void unknownPathIs404() {
        expect("/api/v1/nothing", 404, "no such endpoint: /api/v1/nothing");
    }
}
