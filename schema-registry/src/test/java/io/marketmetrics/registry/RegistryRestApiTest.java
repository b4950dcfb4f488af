package io.marketmetrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.registry.RegistryHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact JSON a Confluent client sees, over real HTTP on loopback. */
class RegistryRestApiTest {

    /** Already in Avro's canonical form, so the registry stores and returns it as written. */
    private static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    private static final String V2 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
            + "{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    private static final String REQUIRED_B = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\","
            + "\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}]}";

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private final SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store);
    private final RegistryHttp http = new RegistryHttp(server.url());

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    /** A request body carrying a schema: the schema JSON as a JSON string. */
    private static String schemaBody(String schema) {
        return "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
    }

    private static void assertAnswer(Answer answer, int status, String body) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(answer.body()).isEqualTo(body);
    }

    @Test
    void registerLookUpAndFetch() {
        String escapedV1 = V1.replace("\"", "\\\"");
        String version1 = "{\"subject\":\"trades-value\",\"version\":1,\"id\":1,\"schema\":\"" + escapedV1 + "\"}";

        assertAnswer(http.post("/subjects/trades-value/versions", schemaBody(V1)), 200, "{\"id\":1}");
        assertAnswer(http.post("/subjects/trades-value/versions", schemaBody(V1)), 200, "{\"id\":1}");
        assertAnswer(http.post("/subjects/other-value/versions", schemaBody(V1)), 200, "{\"id\":1}");
        assertAnswer(http.post("/subjects/trades-value/versions", schemaBody(V2)), 200, "{\"id\":2}");

        assertAnswer(http.post("/subjects/trades-value", schemaBody(V1)), 200, version1);
        assertAnswer(http.get("/subjects/trades-value/versions/1"), 200, version1);
        assertAnswer(http.get("/schemas/ids/1"), 200, "{\"schema\":\"" + escapedV1 + "\"}");
        assertAnswer(http.get("/schemas/ids/1/versions"), 200,
                "[{\"subject\":\"other-value\",\"version\":1},{\"subject\":\"trades-value\",\"version\":1}]");
        assertAnswer(http.get("/subjects"), 200, "[\"other-value\",\"trades-value\"]");
        assertAnswer(http.get("/subjects/trades-value/versions"), 200, "[1,2]");
        assertThat(http.get("/subjects/trades-value/versions/latest").body())
                .startsWith("{\"subject\":\"trades-value\",\"version\":2,\"id\":2,\"schema\":");
    }

    @Test
    void refusalsUseConfluentErrorBodies() {
        http.post("/subjects/trades-value/versions", schemaBody(V1));

        Answer incompatible = http.post("/subjects/trades-value/versions", schemaBody(REQUIRED_B));
        assertThat(incompatible.status()).isEqualTo(409);
        assertThat(incompatible.body()).startsWith("{\"error_code\":409,\"message\":\"Schema being registered is"
                + " incompatible with an earlier schema for subject \\\"trades-value\\\"");
        assertAnswer(http.get("/subjects/nope/versions"), 404,
                "{\"error_code\":40401,\"message\":\"Subject 'nope' not found.\"}");
        assertAnswer(http.get("/subjects/trades-value/versions/9"), 404,
                "{\"error_code\":40402,\"message\":\"Version 9 not found for subject 'trades-value'\"}");
        assertAnswer(http.get("/schemas/ids/99"), 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");
        assertAnswer(http.post("/subjects/trades-value", schemaBody(V2)), 404,
                "{\"error_code\":40403,\"message\":\"Schema not found under subject 'trades-value'\"}");
        assertThat(http.post("/subjects/trades-value/versions", schemaBody("{\"type\":\"nope\"}")).body())
                .startsWith("{\"error_code\":42201,\"message\":\"Invalid schema");
        assertThat(http.post("/subjects/trades-value/versions", "{\"schema\":\"\\\"int\\\"\",\"schemaType\":\"PROTOBUF\"}")
                .body()).startsWith("{\"error_code\":42201,");
        assertThat(http.get("/subjects/trades-value/versions/zero").body()).startsWith("{\"error_code\":42202,");
        assertThat(http.post("/subjects/trades-value/versions", "not json").status()).isEqualTo(400);
        assertThat(http.get("/subjects/trades-value/versions").body()).as("nothing registered by refusals").isEqualTo("[1]");
    }

    @Test
    void compatibilityChecks() {
        http.post("/subjects/trades-value/versions", schemaBody(V1));
        assertAnswer(http.post("/compatibility/subjects/trades-value/versions/latest", schemaBody(V2)), 200,
                "{\"is_compatible\":true}");
        assertAnswer(http.post("/compatibility/subjects/trades-value/versions/1", schemaBody(REQUIRED_B)), 200,
                "{\"is_compatible\":false}");
        assertThat(http.post("/compatibility/subjects/trades-value/versions/latest?verbose=true", schemaBody(REQUIRED_B))
                .body()).startsWith("{\"is_compatible\":false,\"messages\":[\"new schema cannot read data written");
        assertAnswer(http.post("/compatibility/subjects/new-value/versions/latest", schemaBody(REQUIRED_B)), 200,
                "{\"is_compatible\":true}");
    }

    @Test
    void globalAndSubjectConfig() {
        assertAnswer(http.get("/config"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
        assertAnswer(http.put("/config/trades-value", "{\"compatibility\":\"NONE\"}"), 200, "{\"compatibility\":\"NONE\"}");
        assertAnswer(http.get("/config/trades-value"), 200, "{\"compatibilityLevel\":\"NONE\"}");
        assertAnswer(http.get("/config/other-value"), 404, "{\"error_code\":40408,\"message\":\"Subject 'other-value'"
                + " does not have subject-level compatibility configured\"}");
        assertAnswer(http.get("/config/other-value?defaultToGlobal=true"), 200, "{\"compatibilityLevel\":\"BACKWARD\"}");
        assertAnswer(http.put("/config", "{\"compatibility\":\"FULL\"}"), 200, "{\"compatibility\":\"FULL\"}");
        assertAnswer(http.get("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");
        assertThat(http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}").body()).startsWith("{\"error_code\":42203,");

        // With NONE on the subject, an otherwise incompatible version registers.
        http.post("/subjects/trades-value/versions", schemaBody(V1));
        assertAnswer(http.post("/subjects/trades-value/versions", schemaBody(REQUIRED_B)), 200, "{\"id\":2}");
    }

    @Test
    void restartWithTheSameStoreKeepsEverything() {
        http.post("/subjects/trades-value/versions", schemaBody(V1));
        http.put("/config", "{\"compatibility\":\"FULL\"}");
        server.close();
        try (SchemaRegistryServer restarted = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            RegistryHttp again = new RegistryHttp(restarted.url());
            assertAnswer(again.get("/subjects/trades-value/versions"), 200, "[1]");
            assertAnswer(again.get("/config"), 200, "{\"compatibilityLevel\":\"FULL\"}");
            assertAnswer(again.post("/subjects/next-value/versions", schemaBody(V2)), 200, "{\"id\":2}");
        }
    }
}
