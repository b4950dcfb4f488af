package io.marketmetrics.registry;

import io.marketmetrics.serde.registry.RegistryError;
import io.marketmetrics.serde.registry.RegistryEvent;
import io.marketmetrics.serde.registry.RegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's events in a compacted, single-partition Kafka topic ({@code _schemas} by
 * default), as Confluent Schema Registry does: each append is written synchronously (acknowledged by
 * all in-sync replicas) before the registry applies it, and {@link #load()} reads the topic from the
 * start, so a restarted server rebuilds the same subjects, versions and ids.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);

    private final String bootstrapServers;
    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaProducer<String, String> producer;

    private KafkaSchemaStore(String bootstrapServers, String topic, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-store");
        // The journal is the registry's only copy: every event waits for all in-sync replicas, and
        // idempotence keeps a retried send from writing an event twice.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Appends are synchronous and rare: nothing to batch, so do not wait for a batch to fill.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /**
     * Opens the store on a topic, creating it (compacted, one partition, replicated up to 3 times)
     * when missing.
     */
    public static KafkaSchemaStore open(String bootstrapServers, String topic, Duration timeout) {
        createTopicIfMissing(bootstrapServers, topic, timeout);
        return new KafkaSchemaStore(bootstrapServers, topic, timeout);
    }

    private static void createTopicIfMissing(String bootstrapServers, String topic, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            // One partition keeps the journal in order; compaction keeps the latest record per key.
            NewTopic newTopic = new NewTopic(topic, 1, (short) Math.min(3, brokers))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created schema topic {} on {}", topic, bootstrapServers);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create schema topic '" + topic + "' on " + bootstrapServers
                        + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + timeout
                    + " while preparing schema topic '" + topic + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing schema topic '" + topic + "'", e);
        }
    }

    @Override
    public void append(RegistryEvent event) {
        SchemaRecords.KeyValue record = SchemaRecords.encode(event);
        try {
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), record.key(), record.value()))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RegistryException(RegistryError.STORE_ERROR, "Cannot write to schema topic '"
                    + partition.topic() + "' on " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryError.STORE_ERROR, "Interrupted while writing to the schema topic", e);
        }
    }

    @Override
    public List<RegistryEvent> load() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-store-reader");
        // The topic is read whole on every start, with no consumer group: no offsets to commit.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<RegistryEvent> events = new ArrayList<>();
        int skipped = 0;
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Schema topic '" + partition.topic() + "' not read to offset "
                            + end + " within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Optional<RegistryEvent> event = decode(record);
                    event.ifPresent(events::add);
                    skipped += event.isPresent() ? 0 : 1;
                }
            }
            LOG.info("Read {} registry events from {} up to offset {} ({} records not applied)", events.size(),
                    partition.topic(), end, skipped);
        }
        return events;
    }

    private static Optional<RegistryEvent> decode(ConsumerRecord<String, String> record) {
        try {
            return SchemaRecords.decode(record.key(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("Skipping unreadable record at offset {} of {}: {}", record.offset(), record.topic(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
