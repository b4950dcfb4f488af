package io.marketmetrics.serde.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.serde.AvroSerdeConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client's error handling, retries and authentication, against scripted answers on loopback. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("R").fields().requiredInt("a").endRecord();

    private final ScriptedRegistry registry = new ScriptedRegistry();

    RestSchemaRegistryClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static RestSchemaRegistryClient client(String url, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        config.put(AvroSerdeConfig.RETRIES_WAIT_MS, 10L); // keep the test quick
        return new RestSchemaRegistryClient(new AvroSerdeConfig(config).restClientSettings());
    }

    @Test
    void registerPostsTheSchemaAsConfluentDoes() {
        registry.answer(200, "{\"id\":7}");
        assertThat(client(registry.url(), Map.of()).register("trades-value", SCHEMA)).isEqualTo(7);

        ScriptedRegistry.Request request = registry.requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/trades-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).isEqualTo("{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\","
                + "\\\"fields\\\":[{\\\"name\\\":\\\"a\\\",\\\"type\\\":\\\"int\\\"}]}\"}");
        assertThat(request.authorization()).isNull();
    }

    @Test
    void clientErrorsNameRegistrySubjectCodeAndMessageWithoutRetrying() {
        registry.answer(404, "{\"error_code\":40401,\"message\":\"Subject 'x-value' not found.\"}");
        assertThatThrownBy(() -> client(registry.url(), Map.of()).lookupId("x-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.subject()).isEqualTo("x-value");
                    assertThat(e.registryUrl()).isEqualTo(registry.url());
                })
                .hasMessage("Schema registry " + registry.url() + ", subject 'x-value': HTTP 404, error code 40401:"
                        + " Subject 'x-value' not found.");
        assertThat(registry.requests).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        registry.answer(503, "busy").answer(500, "{\"error_code\":50001,\"message\":\"store\"}")
                .answer(200, "{\"schema\":\"\\\"string\\\"\"}");
        assertThat(client(registry.url(), Map.of()).schemaById(3)).isEqualTo(Schema.create(Schema.Type.STRING));
        assertThat(registry.requests).hasSize(3).allSatisfy(r -> assertThat(r.path()).isEqualTo("/schemas/ids/3"));
    }

    @Test
    void givesUpAfterMaxRetriesNamingTheLastFailure() {
        assertThatThrownBy(() -> client(registry.url(), Map.of(AvroSerdeConfig.MAX_RETRIES, 2)).schemaById(3))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("failed after 3 attempts")
                .hasMessageContaining("no scripted answer");
        assertThat(registry.requests).hasSize(3);
    }

    @Test
    void connectionErrorsAreRetriedOnTheNextUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.answer(200, "{\"id\":4}");
        String urls = "http://127.0.0.1:" + closedPort + "," + registry.url();
        assertThat(client(urls, Map.of()).register("s", SCHEMA)).isEqualTo(4);

        assertThatThrownBy(() -> client("http://127.0.0.1:" + closedPort, Map.of(AvroSerdeConfig.MAX_RETRIES, 1))
                .register("s", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isZero())
                .hasMessageContaining("failed after 2 attempts: java.net.ConnectException");
    }

    @Test
    void basicAuthFromUserInfoOrFromTheUrl() {
        registry.answer(200, "{\"id\":1}").answer(200, "{\"id\":1}");
        client(registry.url(), Map.of(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret")).register("s", SCHEMA);
        client(registry.url().replace("http://", "http://bob:pw@"), Map.of()).register("s", SCHEMA);

        assertThat(registry.requests).extracting(ScriptedRegistry.Request::authorization).containsExactly(
                "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)),
                "Basic " + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void latestVersionIsParsedFromConfluentsShape() {
        registry.answer(200, "{\"subject\":\"s\",\"version\":3,\"id\":9,\"schema\":\"\\\"long\\\"\"}");
        assertThat(client(registry.url(), Map.of()).latest("s"))
                .isEqualTo(new io.marketmetrics.serde.registry.RegisteredSchema("s", 3, 9, "\"long\""));
        assertThat(registry.requests.get(0).path()).isEqualTo("/subjects/s/versions/latest");
    }
}
