package io.marketmetrics.producers.kafka;

import io.marketmetrics.topics.TopicNames;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the producers publish: the Kafka cluster, the schema registry, the topic names, how long a
 * send may wait for an unreachable broker before it fails, and extra producer or serde properties
 * (e.g. {@code basic.auth.user.info}) that override the defaults.
 */
public record PublishTarget(
        String bootstrapServers,
        String schemaRegistryUrl,
        TopicNames topics,
        Duration timeout,
        Map<String, Object> overrides) {

    /** How long a send waits by default for metadata of an unreachable broker before failing. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public PublishTarget {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(timeout, "timeout");
        overrides = Map.copyOf(overrides);
    }

    /** Unprefixed topics, the default timeout and no overrides. */
    public static PublishTarget of(String bootstrapServers, String schemaRegistryUrl) {
        return new PublishTarget(bootstrapServers, schemaRegistryUrl, TopicNames.unprefixed(), DEFAULT_TIMEOUT, Map.of());
    }
}
