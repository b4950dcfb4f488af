package io.marketmetrics.serde;

import io.marketmetrics.serde.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams serde of generated Avro records in Confluent's wire format:
 * {@code new SpecificAvroSerde<Trade>()} then {@code configure(Map.of("schema.registry.url", url), false)}.
 * The deserializer always reads into generated classes ({@code specific.avro.reader=true}).
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    public SpecificAvroSerde() {
        this.serializer = new KafkaAvroSerializer();
        this.deserializer = new KafkaAvroDeserializer();
    }

    /** With a given client, used as it is (wrap it in a cached client where that matters). */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this.serializer = new KafkaAvroSerializer(client);
        this.deserializer = new KafkaAvroDeserializer(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serializer.configure(specific, isKey);
        deserializer.configure(specific, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        // Serializer<Object> accepts every T.
        return (Serializer<T>) (Serializer<?>) serializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        // The generated class named by the writer's schema is the T of this serde's topic.
        return (Deserializer<T>) (Deserializer<?>) deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
