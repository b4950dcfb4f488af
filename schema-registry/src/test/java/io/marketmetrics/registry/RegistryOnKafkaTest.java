package io.marketmetrics.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.registry.RegistryHttp.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.generic.GenericRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry on a real KRaft broker, as the demo runs it: its state in a compacted {@code _schemas}
 * topic, and Kafka clients configured exactly as for Confluent's serde.
 */
class RegistryOnKafkaTest {

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
    void clientsConfiguredAsForConfluentProduceAndConsume() {
        Trade trade = Trade.newBuilder().setExchange("coinbase").setBase("SOL").setQuote("USD").setPrice(142.37)
                .setQuantity(12.5).setTradeId("c-77").setSide(TakerSide.UNKNOWN)
                .setEventTime(Instant.parse("2026-11-25T15:00:00Z")).build();
        try (KafkaSchemaStore store = KafkaSchemaStore.open(broker.bootstrapServers(), "_schemas_clients", TIMEOUT);
             SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store)) {
            Properties producerConfig = new Properties();
            producerConfig.put("bootstrap.servers", broker.bootstrapServers());
            producerConfig.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
            producerConfig.put("value.serializer", "io.marketmetrics.serde.KafkaAvroSerializer");
            producerConfig.put("schema.registry.url", server.url());
            producerConfig.put("auto.register.schemas", "true");
            producerConfig.put("basic.auth.credentials.source", "USER_INFO");
            producerConfig.put("basic.auth.user.info", "producer:secret");
            try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig)) {
                producer.send(new ProducerRecord<>("client-trades", "SOL", trade)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("produce failed", e);
            }

            assertThat(consumeOne(server.url(), true)).isEqualTo(trade);
            Object generic = consumeOne(server.url(), false);
            assertThat(generic).isInstanceOf(GenericRecord.class).isNotInstanceOf(Trade.class);
            assertThat(((GenericRecord) generic).get("tradeId")).isEqualTo("c-77");
            assertThat(new RegistryHttp(server.url()).get("/subjects").body()).isEqualTo("[\"client-trades-value\"]");
        }
    }

    private static Object consumeOne(String registryUrl, boolean specific) {
        Properties consumerConfig = new Properties();
        consumerConfig.put("bootstrap.servers", broker.bootstrapServers());
        consumerConfig.put("group.id", "reader-" + specific);
        consumerConfig.put("auto.offset.reset", "earliest");
        consumerConfig.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        consumerConfig.put("value.deserializer", "io.marketmetrics.serde.KafkaAvroDeserializer");
        consumerConfig.put("schema.registry.url", registryUrl);
        consumerConfig.put("specific.avro.reader", Boolean.toString(specific));
        List<Object> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of("client-trades"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
        }
        assertThat(values).hasSize(1);
        return values.get(0);
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
