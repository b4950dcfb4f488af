package io.marketmetrics.app.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.app.runtime.AppTopology;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.schema.AssetReference;
import io.marketmetrics.schema.IndexDefinition;
import io.marketmetrics.serde.MockSchemaRegistry;
import io.marketmetrics.serde.SpecificAvroSerde;
import io.marketmetrics.topics.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the driver cannot show: the market-wide stage on a real broker with several partitions, its
 * one-partition repartition topics, and the fed-back topic provisioned with the trades' partition count, so
 * that the rank and NAV of an asset in any partition reach its own asset-stage task and the HTTP API.
 */
class MarketWideOnBrokerTest {

    private static final int PARTITIONS = 3;

    @TempDir
    Path dir;

    @Test
    void navPremiumAndRankReachTheApiThroughEveryPartition() throws Exception {
        TopicNames topics = TopicNames.unprefixed();
        String registry = "mock://market-wide-broker-" + UUID.randomUUID();
        MetricsConfig config = MetricsConfig.defaults(topics, Map.of("schema.registry.url", registry));
        AppTopology app = new AppTopology(MetricsTopology.build(config), TopologyStreamsConfig.properties(config),
                StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            MetricsService service = MetricsService.start(new AppSettings(broker.bootstrapServers(), registry,
                    "market-wide-test", dir.resolve("state"), "127.0.0.1", 0, null, topics, PARTITIONS, Map.of()), app);
            try {
                publish(broker.bootstrapServers(), topics, registry);
                String base = "http://127.0.0.1:" + service.httpPort();
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                    JsonNode a = Http.get(base + "/api/v1/assets/DEFI.SSI").json();
                    return a.get("navUsd").isNumber() && a.get("rank").isNumber();
                });
                // NAV = 0.01 x 7.5 + 0.001 x 280 = 0.355; the token trades at 0.3514.
                JsonNode index = Http.get(base + "/api/v1/indexes/DEFI.SSI").json();
                assertThat(index.get("navUsd").asDouble()).isCloseTo(0.355, within(1e-12));
                assertThat(index.get("premiumPct").asDouble()).isCloseTo(-0.36 / 0.355, within(1e-9));
                JsonNode ssi = Http.get(base + "/api/v1/assets/DEFI.SSI").json();
                assertThat(ssi.get("premiumPct").asDouble()).isCloseTo(-0.36 / 0.355, within(1e-9));
                // Market caps: AAVE 280 x 15.1 M = 4 228 M, UNI 7.5 x 629 M = 4 717.5 M, DEFI.SSI 8.96 M.
                assertThat(ssi.get("rank").asInt()).isEqualTo(3);
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                        Http.get(base + "/api/v1/assets/UNI").json().get("rank").asInt() == 1
                                && Http.get(base + "/api/v1/assets/AAVE").json().get("rank").asInt() == 2);
                JsonNode defi = Http.get(base + "/api/v1/categories/defi").json();
                assertThat(defi.get("assetCount").asInt()).isEqualTo(3);
            } finally {
                service.close();
                MockSchemaRegistry.dropScope(registry.substring("mock://".length()));
            }
        }
    }

    private static void publish(String bootstrap, TopicNames topics, String registry) throws Exception {
        SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", registry), false);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), serde.serializer())) {
            for (AssetReference ref : List.of(reference("UNI", 629_000_000.0), reference("AAVE", 15_100_000.0),
                    reference("DEFI.SSI", 25_500_000.0))) {
                producer.send(new ProducerRecord<>(topics.assetReference(), ref.getSymbol(), ref)).get();
            }
            producer.send(new ProducerRecord<>(topics.indexDefinitions(), "DEFI.SSI", IndexDefinition.newBuilder()
                    .setSymbol("DEFI.SSI").setEffectiveFrom(Instant.parse("2026-11-01T00:00:00Z"))
                    .setConstituents(List.of(MarketWideDriver.constituent("UNI", 0.01, null),
                            MarketWideDriver.constituent("AAVE", 0.001, null))).build())).get();
            Instant now = Instant.now().minusSeconds(60);
            producer.send(trade(topics, "UNI", 7.5, now)).get();
            producer.send(trade(topics, "AAVE", 280, now)).get();
            producer.send(trade(topics, "DEFI.SSI", 0.3514, now)).get();
        }
    }

    private static AssetReference reference(String symbol, double supply) {
        return AssetReference.newBuilder().setSymbol(symbol).setCirculatingSupply(supply).setCategories(List.of("defi")).build();
    }

    private static ProducerRecord<String, SpecificRecord> trade(TopicNames topics, String base, double price, Instant time) {
        return new ProducerRecord<>(topics.trades(), base,
                MetricsDriver.trade("binance:" + base + "-USDT", price, 1, base + "-1", time.toEpochMilli()));
    }
}
