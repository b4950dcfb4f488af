package io.marketmetrics.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.client.CachedSchemaRegistryClient;
import io.marketmetrics.serde.client.SchemaRegistryClient;
import io.marketmetrics.serde.registry.RegisteredSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachingTest {

    private static final String SCOPE = "caching";

    /** Counts the calls that reach the registry behind the cache. */
    private static final class CountingClient implements SchemaRegistryClient {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final SchemaRegistryClient registry = MockSchemaRegistry.client(SCOPE);

        private void count(String method) {
            calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public int register(String subject, Schema schema) {
            count("register");
            return registry.register(subject, schema);
        }

        @Override
        public int lookupId(String subject, Schema schema) {
            count("lookupId");
            return registry.lookupId(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            count("schemaById");
            return registry.schemaById(id);
        }

        @Override
        public RegisteredSchema latest(String subject) {
            count("latest");
            return registry.latest(subject);
        }

        @Override
        public String url() {
            return registry.url();
        }
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void tenThousandRecordsCauseOneRegistrationAndOneFetch() {
        CountingClient counting = new CountingClient();
        SchemaRegistryClient cached = new CachedSchemaRegistryClient(counting);
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer(cached);
             KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(cached)) {
            serializer.configure(Map.of(), false);
            deserializer.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            for (int i = 0; i < 10_000; i++) {
                Trade trade = SampleRecords.trade(Integer.toString(i));
                assertThat(deserializer.deserialize("trades", serializer.serialize("trades", trade))).isEqualTo(trade);
            }
        }
        // The deserializer fetches the writer schema once; nothing else reaches the registry.
        assertThat(counting.calls).containsOnlyKeys("register", "schemaById");
        assertThat(counting.calls.get("register")).hasValue(1);
        assertThat(counting.calls.get("schemaById")).hasValue(1);
    }

    @Test
    void lookupAndLatestAreCachedToo() {
        MockSchemaRegistry.scope(SCOPE).register("trades-value", Trade.getClassSchema().toString());
        CountingClient counting = new CountingClient();
        SchemaRegistryClient cached = new CachedSchemaRegistryClient(counting);
        try (KafkaAvroSerializer lookingUp = new KafkaAvroSerializer(cached);
             KafkaAvroSerializer latest = new KafkaAvroSerializer(cached)) {
            lookingUp.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            latest.configure(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true,
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            for (int i = 0; i < 1_000; i++) {
                lookingUp.serialize("trades", SampleRecords.trade(Integer.toString(i)));
                latest.serialize("trades", SampleRecords.trade(Integer.toString(i)));
            }
        }
        assertThat(counting.calls).containsOnlyKeys("lookupId", "latest", "schemaById");
        assertThat(counting.calls.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }
}
