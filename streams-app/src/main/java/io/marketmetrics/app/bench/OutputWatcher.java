package io.marketmetrics.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads an output topic as a user would (committed records only) on a thread of its own and notes, for every
 * record, its key, its timestamp and when it arrived. The pipeline stamps each figures record with its
 * evaluation time, the event time of the newest trade it includes, so the value need not be decoded.
 */
final class OutputWatcher implements AutoCloseable {

    /** One output record: its key, its timestamp, and the wall-clock time it was read. */
    record Seen(String key, long timestamp, long receivedMs) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    OutputWatcher(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Under exactly-once, what a user sees: records of committed transactions only.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // Return each record as soon as it is there, not after min bytes gather.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(consumer::position); // resolve the start now, not at the first poll
        thread = new Thread(this::poll, "bench-output-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (!stopped) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                long now = System.currentTimeMillis();
                synchronized (seen) {
                    seen.add(new Seen(r.key(), r.timestamp(), now));
                }
            }
        }
    }

    /** The records read so far, in arrival order. */
    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
