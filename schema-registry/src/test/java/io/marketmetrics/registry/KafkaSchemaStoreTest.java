package io.marketmetrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.registry.RegistryHttp.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's state in a compacted {@code _schemas} topic of a real KRaft broker. */
class KafkaSchemaStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dataDir, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static String schemaBody(String schema) {
        return "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
    }

    @Test
    void aRestartedServerRebuildsItsStateFromTheTopic() {
        try (KafkaSchemaStore store = KafkaSchemaStore.open(broker.bootstrapServers(), "_schemas", TIMEOUT);
             SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            RegistryHttp http = new RegistryHttp(server.url());
            assertThat(http.post("/subjects/a-value/versions", schemaBody("\"string\"")).body()).isEqualTo("{\"id\":1}");
            assertThat(http.post("/subjects/b-value/versions", schemaBody(V1)).body()).isEqualTo("{\"id\":2}");
            http.put("/config/b-value", "{\"compatibility\":\"FULL\"}");
        }
        try (KafkaSchemaStore store = KafkaSchemaStore.open(broker.bootstrapServers(), "_schemas", TIMEOUT);
             SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            RegistryHttp http = new RegistryHttp(server.url());
            assertThat(http.get("/subjects").body()).isEqualTo("[\"a-value\",\"b-value\"]");
            assertThat(http.get("/schemas/ids/2").body()).isEqualTo("{\"schema\":\"" + V1.replace("\"", "\\\"") + "\"}");
            assertThat(http.get("/config/b-value").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(http.post("/subjects/c-value/versions", schemaBody("\"long\"")).body())
                    .as("ids continue after the stored ones").isEqualTo("{\"id\":3}");
        }
    }

    @Test
    void readsRecordsInConfluentsLayoutAndSkipsOthers() throws Exception {
        String topic = "_schemas_confluent";
        try (KafkaSchemaStore store = KafkaSchemaStore.open(broker.bootstrapServers(), topic, TIMEOUT)) {
            assertThat(store.load()).isEmpty();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            // As Confluent Schema Registry writes them: a NOOP marker, a schema, a config, a garbled record.
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"NOOP\",\"magic\":0}", null));
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"SCHEMA\",\"subject\":\"x-value\",\"version\":1,"
                    + "\"magic\":1}", "{\"subject\":\"x-value\",\"version\":1,\"id\":7,\"schema\":\"\\\"string\\\"\","
                    + "\"deleted\":false}"));
            producer.send(new ProducerRecord<>(topic, "{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}",
                    "{\"compatibilityLevel\":\"NONE\"}"));
            producer.send(new ProducerRecord<>(topic, "not json", "neither")).get();
        }
        try (KafkaSchemaStore store = KafkaSchemaStore.open(broker.bootstrapServers(), topic, TIMEOUT);
             SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            RegistryHttp http = new RegistryHttp(server.url());
            Answer byId = http.get("/schemas/ids/7");
            assertThat(byId.body()).isEqualTo("{\"schema\":\"\\\"string\\\"\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(http.post("/subjects/y-value/versions", schemaBody("\"int\"")).body()).isEqualTo("{\"id\":8}");
        }
    }

    @Test
    void theTopicIsCreatedCompactedWithOnePartition() throws Exception {
        String topic = "_schemas_created";
        KafkaSchemaStore.open(broker.bootstrapServers(), topic, TIMEOUT).close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            assertThat(description.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }
}
