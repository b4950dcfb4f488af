package io.marketmetrics.app.topology;

import io.marketmetrics.serde.SpecificAvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** The Avro value serde of every topic and Avro-valued store, configured from {@link MetricsConfig#serdeConfig()}. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    public static <T extends SpecificRecord> Serde<T> value(MetricsConfig config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config.serdeConfig(), false);
        return serde;
    }
}
