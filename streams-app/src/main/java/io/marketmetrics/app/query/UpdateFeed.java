package io.marketmetrics.app.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Streams application, so no subscriber can slow the pipeline. Each update is serialized once and offered
 * to every subscriber that follows its asset; a subscriber whose queue is full is dropped.
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
    private final ObjectMapper json = new ObjectMapper();
    private final Set<StreamClient> clients = new CopyOnWriteArraySet<>();
    private final AtomicLong droppedClients = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean closed;

    private UpdateFeed(Source source) {
        this.topics = source.topics();
        Map<String, Object> serde = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, source.schemaRegistryUrl());
        assets.configure(serde, false);
        markets.configure(serde, false);
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

    void subscribe(StreamClient client) {
        clients.add(client);
    }

    void unsubscribe(StreamClient client) {
        clients.remove(client);
    }

    int subscribers() {
        return clients.size();
    }

    /** Subscribers dropped for not keeping up, since start. */
    public long droppedClients() {
        return droppedClients.get();
    }

    /** Records that could not be decoded (and were skipped), since start. */
    public long undecodable() {
        return undecodable.get();
    }

    private void run() {
        try {
            while (!closed) {
                if (consumer.assignment().isEmpty() && !assignAll()) {
                    closing.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    dispatch(record);
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

    private void dispatch(ConsumerRecord<String, byte[]> record) {
        StreamClient.Event event;
        try {
            if (record.topic().equals(topics.assetMetrics())) {
                AssetMetrics m = assets.deserializer().deserialize(record.topic(), record.value());
                event = new StreamClient.Event("asset", m.getSymbol(), json.writeValueAsString(JsonViews.asset(m)));
            } else {
                MarketMetrics m = markets.deserializer().deserialize(record.topic(), record.value());
                event = new StreamClient.Event("market", m.getBase(), json.writeValueAsString(JsonViews.market(m)));
            }
        } catch (RuntimeException | JsonProcessingException e) {
            if (undecodable.incrementAndGet() % 1000 == 1) {
                log.warn("Skipped undecodable record(s) of {} ({} so far): {}", record.topic(), undecodable.get(), e.toString());
            }
            return;
        }
        for (StreamClient client : clients) {
            if (client.follows(event.symbol()) && !client.offer(event) && clients.remove(client)) {
                droppedClients.incrementAndGet();
                log.warn("Dropped a live-update subscriber that did not keep up ({} dropped so far)", droppedClients.get());
            }
        }
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
