package io.marketmetrics.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.KafkaAvroDeserializer;
import io.marketmetrics.serde.KafkaAvroSerializer;
import io.marketmetrics.serde.client.RestSchemaRegistryClient;
import io.marketmetrics.serde.client.SchemaRegistryException;
import io.marketmetrics.serde.registry.RegisteredSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serde's REST client and the registry server together, over real HTTP on loopback. */
class RestClientAgainstServerTest {

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private final SchemaRegistryServer server = SchemaRegistryServer.start("127.0.0.1", 0, store);
    private final RestSchemaRegistryClient client = new RestSchemaRegistryClient(
            new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url())).restClientSettings());

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    /** Trade with one more field, required (no default): not BACKWARD compatible with Trade. */
    private static Schema tradeWithRequiredField() {
        Schema trade = Trade.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        trade.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("venueSequence", Schema.create(Schema.Type.LONG), "Venue sequence number."));
        return Schema.createRecord(trade.getName(), trade.getDoc(), trade.getNamespace(), false, fields);
    }

    @Test
    void registerLookUpFetchAndLatest() {
        Schema trade = Trade.getClassSchema();
        assertThat(client.register("trades-value", trade)).isEqualTo(1);
        assertThat(client.register("trades-value", trade)).isEqualTo(1);
        assertThat(client.lookupId("trades-value", trade)).isEqualTo(1);
        assertThat(client.schemaById(1)).isEqualTo(trade);
        assertThat(client.latest("trades-value")).isEqualTo(new RegisteredSchema("trades-value", 1, 1, trade.toString()));
    }

    @Test
    void incompatibleChangeIsRefusedWith409() {
        client.register("trades-value", Trade.getClassSchema());
        assertThatThrownBy(() -> client.register("trades-value", tradeWithRequiredField()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.subject()).isEqualTo("trades-value");
                    assertThat(e.registryUrl()).isEqualTo(server.url());
                })
                .hasMessageContaining("venueSequence");
    }

    @Test
    void unknownSubjectIs404() {
        assertThatThrownBy(() -> client.lookupId("nope-value", Trade.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                })
                .hasMessage("Schema registry " + server.url() + ", subject 'nope-value': HTTP 404, error code 40401:"
                        + " Subject 'nope-value' not found.");
        assertThatThrownBy(() -> client.schemaById(42))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    }

    @Test
    void confluentStyleSerdeConfigurationWorksAgainstTheServer() {
        Map<String, Object> producerStyle = Map.of(
                "schema.registry.url", server.url(),
                "auto.register.schemas", "true",
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "user:secret");
        Map<String, Object> consumerStyle = Map.of(
                "schema.registry.url", server.url(),
                "specific.avro.reader", "true");
        Trade trade = Trade.newBuilder().setExchange("kraken").setBase("ETH").setQuote("USD").setPrice(3012.5)
                .setQuantity(1.25).setTradeId("t-1").setSide(TakerSide.BUY)
                .setEventTime(Instant.parse("2026-11-25T12:00:00Z")).build();
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
             KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            serializer.configure(producerStyle, false);
            deserializer.configure(consumerStyle, false);
            byte[] bytes = serializer.serialize("trades", trade);
            assertThat(bytes).startsWith(0, 0, 0, 0, 1);
            assertThat(deserializer.deserialize("trades", bytes)).isEqualTo(trade);
        }
        assertThat(client.latest("trades-value").id()).isEqualTo(1);
    }
}
