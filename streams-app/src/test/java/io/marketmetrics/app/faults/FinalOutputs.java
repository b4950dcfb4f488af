package io.marketmetrics.app.faults;

import io.marketmetrics.app.testing.TopicReader;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a downstream exactly-once consumer (read_committed) finally sees of one run: the latest value per key
 * of asset-metrics and market-metrics, and every candle published (as a list, so a candle published twice
 * shows). Values are the decoded Avro records, compared field by field, bit for bit.
 */
record FinalOutputs(Map<String, Object> assetMetrics, Map<String, Object> marketMetrics, List<String> candles) {

    static FinalOutputs read(String bootstrap, String registryUrl, TopicNames topics) {
        return new FinalOutputs(latestByKey(bootstrap, registryUrl, topics.assetMetrics()),
                latestByKey(bootstrap, registryUrl, topics.marketMetrics()),
                Stream.of(topics.candles1m(), topics.candles1h())
                        .flatMap(t -> TopicReader.readAll(bootstrap, registryUrl, t).stream())
                        .map(r -> r.key() + " " + r.value()).sorted().toList());
    }

    /**
     * Waits until application {@code group} has committed every record of the trades topic and its outputs
     * stopped growing (figures are published on a wall-clock tick after the trades that moved them).
     */
    static void awaitSettled(String bootstrap, String group, TopicNames topics, Duration atMost) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> consumedAll(admin, group, topics.trades()));
            Map<TopicPartition, Long> previous = new HashMap<>();
            await().atMost(atMost).pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3)).ignoreExceptions()
                    .until(() -> {
                        Map<TopicPartition, Long> now = ends(admin, List.of(topics.assetMetrics(), topics.marketMetrics(),
                                topics.candles1m(), topics.candles1h(), topics.tradesDlq()));
                        boolean stable = now.equals(previous);
                        previous.clear();
                        previous.putAll(now);
                        return stable;
                    });
        }
    }

    /** Records of {@code topic} the group has committed, summed over partitions. */
    static long committed(Admin admin, String group, String topic) throws ExecutionException, InterruptedException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static boolean consumedAll(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        return ends(admin, List.of(topic)).entrySet().stream().allMatch(e -> e.getValue() == 0
                || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResultInfo> latest = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
        return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<String, Object> latestByKey(String bootstrap, String registryUrl, String topic) {
        Map<String, Object> latest = new TreeMap<>();
        for (ConsumerRecord<String, Object> r : TopicReader.readAll(bootstrap, registryUrl, topic)) {
            latest.put(r.key(), r.value());
        }
        return latest;
    }
}
