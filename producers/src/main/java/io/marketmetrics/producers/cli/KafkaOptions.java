package io.marketmetrics.producers.cli;

import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.topics.TopicNames;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the producers publish: the options every publishing subcommand mixes in. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}). Env: MM_BOOTSTRAP_SERVERS.")
    String bootstrapServers;

    @Option(names = "--schema-registry", paramLabel = "URL", defaultValue = "http://localhost:8081",
            description = "Schema registry URL, Confluent-compatible (default: ${DEFAULT-VALUE}). Env: MM_SCHEMA_REGISTRY.")
    String schemaRegistry;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of every topic name (default: none). Env: MM_TOPIC_PREFIX.")
    String topicPrefix;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Seconds to wait for an unreachable broker before failing (default: ${DEFAULT-VALUE}). "
                    + "Env: MM_TIMEOUT.")
    long timeoutSeconds;

    /** The publish target these options describe. */
    public PublishTarget target() {
        return new PublishTarget(bootstrapServers, schemaRegistry, new TopicNames(topicPrefix),
                Duration.ofSeconds(timeoutSeconds), Map.of());
    }
}
