package io.marketmetrics.producers.kafka;

import io.marketmetrics.cli.UserError;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Owns the one Kafka producer of a publisher: string keys, Avro values in the Confluent wire format,
 * settings that lose nothing, and counts of acknowledged and failed records. Any failure (an
 * unreachable broker or registry, a record that could not be delivered) becomes a {@link UserError}
 * with a one-line message at the next {@link #send} or {@link #flush}: a publisher stops at the first
 * loss rather than losing more.
 */
public final class AvroPublisher implements AutoCloseable {

    /** The serde of the schemas module, named by class so that users' Confluent-style configs work. */
    static final String AVRO_SERIALIZER = "io.marketmetrics.serde.KafkaAvroSerializer";
    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    private final PublishTarget target;
    private final Producer<String, Object> producer;
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    public AvroPublisher(PublishTarget target) {
        this.target = target;
        this.producer = new KafkaProducer<>(producerConfig(target));
    }

    /** The producer configuration; each setting that matters for loss or latency says why. */
    static Map<String, Object> producerConfig(PublishTarget target) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        config.put(SCHEMA_REGISTRY_URL, target.schemaRegistryUrl());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AVRO_SERIALIZER);
        // No loss, no duplicates on retry: the broker drops a retried batch it already wrote. The default
        // since Kafka 3.0, set explicitly because the per-asset order of the trades topic depends on it.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A record counts as sent only once every in-sync replica has it (also required by idempotence).
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Batches of trades repeat exchange ids and symbols and compress well; lz4 costs far less CPU than gzip or zstd.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // 20 ms: at a few hundred trades/s a batch then holds several records, and 20 ms is invisible in a
        // 24-hour metric. The Kafka 4 default of 5 ms would send mostly one-record batches.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        // An unreachable broker must fail a send after a bounded wait with a clear error, not block for the
        // default 60 s: send() waits at most this long for topic metadata (and for buffer space).
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) target.timeout().toMillis());
        config.putAll(target.overrides());
        return config;
    }

    /**
     * Sends one record asynchronously; the key picks the partition with Kafka's default partitioner.
     * The record carries no timestamp of its own, so the broker stamps the time of writing: a replay of
     * trades from years ago is then never deleted by time-based retention on arrival nor refused by the
     * broker's timestamp checks; the event time travels in the value.
     *
     * @throws UserError when the broker or registry cannot be reached, or an earlier record failed
     */
    public void send(String topic, String key, Object value) {
        throwIfFailed();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, exception) -> completed(topic, exception));
        } catch (KafkaException e) {
            throw new UserError(describe(topic, e), e);
        }
    }

    /** Waits until every record sent so far is acknowledged or failed. @throws UserError after a failure */
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    /** Records acknowledged by the broker. */
    public long sent() {
        return sent.sum();
    }

    /** Records that could not be delivered. */
    public long failed() {
        return failed.sum();
    }

    /** Closes the producer, waiting at most the target's timeout for records still in flight. */
    @Override
    public void close() {
        producer.close(target.timeout());
    }

    private void completed(String topic, Exception exception) {
        if (exception == null) {
            sent.increment();
        } else {
            failed.increment();
            firstFailure.compareAndSet(null, describe(topic, exception));
        }
    }

    private void throwIfFailed() {
        String failure = firstFailure.get();
        if (failure != null) {
            long count = failed();
            throw new UserError(failure + (count > 1 ? " (" + count + " records not delivered)" : ""));
        }
    }

    /** One line saying what went wrong, whether send() threw it or the delivery callback reported it. */
    private String describe(String topic, Exception e) {
        if (e instanceof TimeoutException) {
            // Metadata not available within max.block.ms, or a batch not acknowledged within delivery.timeout.ms.
            return "no answer from Kafka at " + target.bootstrapServers() + " for topic " + topic + ": " + e.getMessage()
                    + " (is the broker reachable and the topic there?)";
        }
        if (e instanceof SerializationException) {
            return "cannot serialize a record for topic " + topic + " with the schema registry at "
                    + target.schemaRegistryUrl() + ": " + rootMessage(e);
        }
        return "cannot deliver to Kafka at " + target.bootstrapServers() + ", topic " + topic + ": " + rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return root == e ? message : e.getMessage() + " (" + message + ")";
    }
}
