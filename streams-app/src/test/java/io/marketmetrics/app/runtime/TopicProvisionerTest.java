package io.marketmetrics.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicProvisionerTest {

    @TempDir
    static Path dataDir;
    static EmbeddedKafkaBroker broker;
    static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dataDir, 0);
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void createsEveryTopicWithItsSettingsOnceAndThenFindsThemAsExpected() throws Exception {
        TopicLayout layout = new TopicLayout(new TopicNames("a."), 4);

        TopicProvisioner.Report first = new TopicProvisioner(admin).provision(layout);

        assertThat(first.created()).containsExactlyInAnyOrder("a.trades", "a.asset-reference", "a.index-definitions",
                "a.exchange-reference", "a.asset-metrics", "a.market-metrics", "a.candles-1m", "a.candles-1h",
                "a.index-metrics", "a.category-metrics", "a.trades-dlq", "a.asset-market-wide");
        assertThat(first.warnings()).isEmpty();
        assertThat(admin.describeTopics(List.of("a.trades")).allTopicNames().get().get("a.trades").partitions()).hasSize(4);
        Config trades = config("a.trades");
        assertThat(trades.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(trades.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
        assertThat(trades.get("retention.ms").value()).isEqualTo(String.valueOf(7L * 24 * 3600 * 1000));
        assertThat(config("a.candles-1h").get("retention.ms").value()).isEqualTo(String.valueOf(365L * 24 * 3600 * 1000));
        for (String compacted : List.of("a.asset-reference", "a.asset-metrics", "a.market-metrics", "a.category-metrics",
                "a.asset-market-wide")) {
            assertThat(config(compacted).get("cleanup.policy").value()).as(compacted).isEqualTo("compact");
        }

        TopicProvisioner.Report second = new TopicProvisioner(admin).provision(layout);
        assertThat(second.created()).isEmpty();
        assertThat(second.warnings()).isEmpty();
    }

    @Test
    void reportsButKeepsExistingTopicsThatDifferFromTheLayout() throws Exception {
        admin.createTopics(List.of(new NewTopic("b.trades", 2, (short) 1))).all().get();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.describeTopics(List.of("b.trades")).allTopicNames().get().containsKey("b.trades"));

        TopicProvisioner.Report report = new TopicProvisioner(admin).provision(new TopicLayout(new TopicNames("b."), 4));

        assertThat(report.created()).hasSize(11).doesNotContain("b.trades");
        // The broker's defaults match the layout's cleanup policy and 7-day retention, not the rest.
        assertThat(report.warnings()).containsExactlyInAnyOrder(
                "b.trades: 2 partitions, expected 4 (topics joined by key must have equal partition counts)",
                "b.trades: message.timestamp.type=CreateTime, expected LogAppendTime");
        assertThat(admin.describeTopics(List.of("b.trades")).allTopicNames().get().get("b.trades").partitions()).hasSize(2);
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource);
    }
}
