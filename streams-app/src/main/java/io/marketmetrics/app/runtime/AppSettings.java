package io.marketmetrics.app.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Everything one instance of the metrics application needs to know about its surroundings, as
 * resolved by the command line ({@code run}) or set by the demo.
 *
 * @param advertisedServer how other instances reach this one's HTTP API; null: this host's HTTP
 *                         address once bound
 * @param streamsOverrides Kafka Streams settings the user sets explicitly; they win over ours
 */
public record AppSettings(
        String bootstrapServers,
        String schemaRegistryUrl,
        String applicationId,
        Path stateDir,
        String httpHost,
        int httpPort,
        HostInfo advertisedServer,
        TopicNames topics,
        int partitions,
        Map<String, String> streamsOverrides) {

    public AppSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(topics, "topics");
        streamsOverrides = Map.copyOf(streamsOverrides);
    }
}
