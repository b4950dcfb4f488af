package io.marketmetrics.app.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic as a downstream exactly-once consumer would (read_committed), values decoded through the registry. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record, values as specific Avro records. */
    public static List<ConsumerRecord<String, Object>> readAll(String bootstrap, String registryUrl, String topic) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return read(bootstrap, topic, values);
    }

    /** Every record, values as the bytes they are (dead letters). */
    public static List<ConsumerRecord<String, byte[]>> readAllRaw(String bootstrap, String topic) {
        return read(bootstrap, topic, new ByteArrayDeserializer());
    }

    private static <V> List<ConsumerRecord<String, V>> read(String bootstrap, String topic, Deserializer<V> values) {
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Room for the largest dead letter the fault tests write (a record of about 1 MB).
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 << 20), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            await().atMost(Duration.ofMinutes(2)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
            return records;
        }
    }
}
