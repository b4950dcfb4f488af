package io.marketmetrics.app.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.topics.TopicNames;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TopologyShapeTest {

    private final MetricsConfig config = MetricsConfig.defaults(new TopicNames("x-"), Map.of("schema.registry.url", "mock://shape"));

    @Test
    void everyNodeIsNamedAndTheTradePathHasNoRepartition() {
        TopologyDescription description = MetricsTopology.build(config).describe();
        assertThat(description.toString()).doesNotContain("KSTREAM-", "KTABLE-");
        // Hygiene and the asset stage share one sub-topology, fed only by input topics keyed by base asset.
        TopologyDescription.Subtopology tradePath = description.subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.name().equals("hygiene")))
                .findFirst().orElseThrow();
        assertThat(tradePath.nodes()).extracting(TopologyDescription.Node::name).contains("asset-stage");
        assertThat(tradePath.nodes().stream()
                .filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream()))
                .contains("x-trades", "x-asset-reference")
                .noneMatch(topic -> topic.endsWith("-repartition"));
        assertThat(description.globalStores()).hasSize(2);
    }

    @Test
    void theStreamsSettingsSayWhatTheTopologyNeeds() {
        Properties p = TopologyStreamsConfig.properties(config);
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG)).isEqualTo(true);
        assertThat(p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)).isEqualTo("x-trades-dlq");
        assertThat(p.get("topic.message.timestamp.type")).isEqualTo("LogAppendTime");
    }
}
