package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerdeRoundTripTest {

    private static final String SCOPE = "round-trip";
    private static final Map<String, Object> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void everyRecordTypeRoundTripsThroughTheSpecificSerde() {
        try (SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, false);
            for (SpecificRecord record : SampleRecords.all()) {
                String topic = record.getSchema().getName();
                byte[] bytes = serde.serializer().serialize(topic, record);
                assertThat(serde.deserializer().deserialize(topic, bytes)).as(topic).isEqualTo(record);
            }
        }
    }

    @Test
    void genericRecordsReadFromSpecificOnesWriteTheSameBytes() {
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
             KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            serializer.configure(CONFIG, false);
            deserializer.configure(CONFIG, false);
            for (SpecificRecord record : SampleRecords.all()) {
                String topic = record.getSchema().getName();
                byte[] bytes = serializer.serialize(topic, record);
                Object generic = deserializer.deserialize(topic, bytes);
                assertThat(generic).as(topic).isInstanceOf(GenericRecord.class).isNotInstanceOf(SpecificRecord.class);
                assertThat(serializer.serialize(topic, generic)).as(topic).isEqualTo(bytes);
            }
        }
    }

    @Test
    void confluentStylePropertiesWithStringValuesConfigureTheSerde() {
        Map<String, Object> properties = Map.of(
                "schema.registry.url", "mock://" + SCOPE,
                "auto.register.schemas", "true",
                "specific.avro.reader", "true",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy",
                "bootstrap.servers", "127.0.0.1:9092");
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
             KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            serializer.configure(properties, false);
            deserializer.configure(properties, false);
            var trade = SampleRecords.trade("1");
            assertThat(deserializer.deserialize("trades", serializer.serialize("trades", trade))).isEqualTo(trade);
            assertThat(MockSchemaRegistry.scope(SCOPE).subjects()).containsExactly("trades-value");
        }
    }

    @Test
    void keysRegisterUnderTheKeySubjectAndPrimitivesRoundTrip() {
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer();
             KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            serializer.configure(CONFIG, true);
            deserializer.configure(CONFIG, true);
            assertThat(deserializer.deserialize("trades", serializer.serialize("trades", "BTC"))).isEqualTo("BTC");
            assertThat(MockSchemaRegistry.scope(SCOPE).subjects()).containsExactly("trades-key");
            for (Object value : new Object[] {42, 7L, 1.5, 2.5f, true, new byte[] {1, 2, 3}}) {
                String topic = "keyed-by-" + value.getClass().getSimpleName();
                assertThat(deserializer.deserialize(topic, serializer.serialize(topic, value))).isEqualTo(value);
            }
        }
    }

    @Test
    void nullIsATombstoneBothWays() {
        try (SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, false);
            assertThat(serde.serializer().serialize("trades", null)).isNull();
            assertThat(serde.deserializer().deserialize("trades", null)).isNull();
        }
    }

    @Test
    void scopesAreSeparateRegistries() {
        try (SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>()) {
            serde.configure(CONFIG, false);
            serde.serializer().serialize("trades", SampleRecords.trade("1"));
        }
        assertThat(MockSchemaRegistry.scope(SCOPE).subjects()).containsExactly("trades-value");
        assertThat(MockSchemaRegistry.scope(SCOPE + "-other").subjects()).isEmpty();
        MockSchemaRegistry.dropScope(SCOPE + "-other");
    }
}
