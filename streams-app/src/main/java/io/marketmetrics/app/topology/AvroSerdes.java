package io.marketmetrics.app.topology;

import io.marketmetrics.serde.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The Avro value serde of every topic and Avro-valued store, configured from {@link MetricsConfig#serdeConfig()}. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    public static <T extends SpecificRecord> Serde<T> value(MetricsConfig config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config.serdeConfig(), false);
        return serde;
    }

    /**
     * The serde of a source topic holding records of one type. A record of another registered schema (a producer
     * writing to the wrong topic) decodes fine into its own class; this refuses it as a deserialization error,
     * which the dead-letter handler takes. Left to the processor's cast, the ClassCastException is fatal to the
     * stream thread in Kafka Streams (no exception handler sees it), and the record would stop its task for good.
     */
    public static <T extends SpecificRecord> Serde<T> value(MetricsConfig config, Class<T> type) {
        Serde<T> serde = value(config);
        Deserializer<T> decode = serde.deserializer();
        Deserializer<T> checked = (topic, bytes) -> {
            T value = decode.deserialize(topic, bytes);
            if (value != null && !type.isInstance(value)) {
                throw new SerializationException("A " + value.getSchema().getFullName() + " record on topic '" + topic
                        + "', which holds " + type.getName() + " records");
            }
            return value;
        };
        return Serdes.serdeFrom(serde.serializer(), checked);
    }
}
