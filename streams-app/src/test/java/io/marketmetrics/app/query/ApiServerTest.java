package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.marketmetrics.app.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API before the application runs: errors in the documented JSON shape. */
class ApiServerTest {

    private ApiServer server;
    private String base;

    @BeforeEach
    void start() {
        LocalInstance notYetRunning = new LocalInstance();
        server = ApiServer.start("127.0.0.1", 0, List.of(new HealthRoutes(notYetRunning),
                new AssetRoutes(new StoreRouter(notYetRunning, new Forwarder()), "assets", "markets")));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthIs503WithTheStateUntilTheApplicationRuns() {
        Http.Response r = Http.get(base + "/health");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("status").asInt()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("application is STARTING");
    }

    @Test
    void storesAre503UntilTheApplicationRuns() {
        Http.Response r = Http.get(base + "/api/v1/assets/BTC");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("stores not queryable while the application is STARTING");
    }

    @Test
    void badSymbolIs400() {
        Http.Response r = Http.get(base + "/api/v1/assets/B$C/markets");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("invalid asset symbol 'B$C'");
    }

    @Test
    void unknownPathIs404Json() {
        Http.Response r = Http.get(base + "/api/v1/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("no such endpoint: /api/v1/nothing");
    }
}
