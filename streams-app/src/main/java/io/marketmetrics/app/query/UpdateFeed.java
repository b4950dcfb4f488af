package io.marketmetrics.app.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.SpecificAvroSerde;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live updates behind {@code GET /api/v1/stream}: a plain consumer of the {@code asset-metrics} and
 * {@code market-metrics} topics (every partition, from their end, committed records only), outside the
 * Streams application, so no subscriber can slow the pipeline. Each record is handed to {@link UpdateFanOut},
 * which decodes it only if a subscriber follows its asset.
 */
public final class UpdateFeed implements AutoCloseable {

    /** Where the metric topics are and how their values are encoded. */
    public record Source(String bootstrapServers, String schemaRegistryUrl, TopicNames topics) {
    }

    private static final Logger log = LoggerFactory.getLogger(UpdateFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicNames topics;
    private final SpecificAvroSerde<AssetMetrics> assets = new SpecificAvroSerde<>();
    private final SpecificAvroSerde<MarketMetrics> markets = new SpecificAvroSerde<>();
    private final UpdateFanOut fanOut;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    private UpdateFeed(Source source) {
        this.topics = source.topics();
        Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, source.schemaRegistryUrl());
        assets.configure(serde, false);
        markets.configure(serde, false);
        this.fanOut = new UpdateFanOut(topics, assets.deserializer(), markets.deserializer());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "update-feed",
                // The application writes exactly-once: show only figures that were committed.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // No group: every instance reads every partition, and nothing is committed.
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The application provisions its topics; a feed must never create one by reading it.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "update-feed");
        thread.setDaemon(true);
    }

    public static UpdateFeed start(Source source) {
        UpdateFeed feed = new UpdateFeed(source);
        feed.thread.start();
        return feed;
    }

    /** The subscribers, and what serving them cost. */
    UpdateFanOut fanOut() {
        return fanOut;
    }

    /** Subscribers dropped for not keeping up, since start. */
    public long droppedClients() {
        return fanOut.droppedClients();
    }

    /** Records some subscriber followed that could not be decoded (and were skipped), since start. */
    public long undecodable() {
        return fanOut.undecodable();
    }

    private void run() {
        try {
            while (!closed) {
                if (consumer.assignment().isEmpty() && !assignAll()) {
                    closing.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    fanOut.dispatch(record.topic(), record.key(), record.value());
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Live update feed stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    /** Assigns every partition of the metric topics at their end; false while they do not exist yet. */
    private boolean assignAll() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.assetMetrics(), topics.marketMetrics())) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, RETRY);
            } catch (TimeoutException e) {
                return false; // Kafka not reachable yet
            }
            if (infos == null || infos.isEmpty()) {
                return false;
            }
            infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        closing.countDown();
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assets.close();
        markets.close();
    }
}
