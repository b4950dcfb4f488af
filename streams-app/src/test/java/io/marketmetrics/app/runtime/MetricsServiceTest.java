package io.marketmetrics.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.app.testing.PlaceholderTopology;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of one application on a real broker: each answers every key, reading its own
 * partitions and forwarding the others' to their owner; markets are found in their base asset's
 * partition.
 */
class MetricsServiceTest {

    private static final int PARTITIONS = 6;
    private static final Instant T = Instant.parse("2026-11-20T10:15:30Z");

    @TempDir
    Path dir;

    @Test
    void everyInstanceAnswersEveryKeyByLocalReadOrForwarding() throws Exception {
        TopicNames topics = TopicNames.unprefixed();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            TopicProvisioner.provision(broker.bootstrapServers(), new TopicLayout(topics, PARTITIONS));
            List<MetricsService> instances = new ArrayList<>();
            try {
                for (String name : List.of("one", "two")) {
                    AppSettings settings = new AppSettings(broker.bootstrapServers(), "http://unused", "routing-test",
                            dir.resolve(name), "127.0.0.1", 0, null, topics, PARTITIONS, Map.of());
                    instances.add(MetricsService.start(settings, PlaceholderTopology.of(topics)));
                }
                publish(broker.bootstrapServers(), topics);
                // Both instances own partitions, so each of them must forward some keys to the other.
                await().atMost(Duration.ofSeconds(60)).until(() -> instances.get(0).streams().metadataForAllStreamsClients().stream()
                        .filter(client -> !client.topicPartitions().isEmpty()).count() == 2);

                for (MetricsService instance : instances) {
                    String base = "http://127.0.0.1:" + instance.httpPort();
                    await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(base + "/health").status() == 200);
                    await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(base + "/api/v1/assets/ETH").status() == 200);
                    await().atMost(Duration.ofSeconds(30)).until(() -> Http.get(base + "/api/v1/assets/BTC/markets").json().size() == 2);

                    JsonNode btc = Http.get(base + "/api/v1/assets/btc").json();
                    assertThat(btc.get("symbol").asText()).isEqualTo("BTC");
                    assertThat(btc.get("name").asText()).isEqualTo("Bitcoin");
                    assertThat(btc.get("priceUsd").asDouble()).isEqualTo(91_000.5);
                    assertThat(btc.get("volume24hUsd").asDouble()).isEqualTo(800.0);
                    assertThat(btc.get("athTime").asText()).isEqualTo("2025-10-06T12:00:00Z");
                    assertThat(btc.get("updatedAt").asText()).isEqualTo("2026-11-20T10:15:30Z");
                    assertThat(btc.get("rank").asInt()).isEqualTo(1);
                    assertThat(btc.get("categories").toString()).isEqualTo("[\"layer-1\"]");
                    assertThat(btc.get("sparkline7d").toString()).isEqualTo("[null,90000.0]");
                    assertThat(btc.get("marketCapUsd").isNull()).isTrue();
                    assertThat(btc.get("change7dPct").isNull()).isTrue();

                    JsonNode markets = Http.get(base + "/api/v1/assets/BTC/markets").json();
                    assertThat(markets.get(0).get("market").asText()).isEqualTo("coinbase:BTC-USD");
                    assertThat(markets.get(0).get("volume24hUsd").asDouble()).isEqualTo(500.0);
                    assertThat(markets.get(0).get("tradeUrl").isNull()).isTrue();
                    assertThat(markets.get(1).get("market").asText()).isEqualTo("binance:BTC-USDT");
                    assertThat(markets.get(1).get("lastTradeTime").asText()).isEqualTo("2026-11-20T10:15:30Z");

                    Http.Response unknown = Http.get(base + "/api/v1/assets/DOGE");
                    assertThat(unknown.status()).isEqualTo(404);
                    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown asset DOGE");
                    assertThat(Http.get(base + "/api/v1/assets/DOGE/markets").status()).isEqualTo(404);
                }
            } finally {
                instances.forEach(MetricsService::close);
            }
        }
    }

    private static void publish(String bootstrap, TopicNames topics) throws Exception {
        try (KafkaProducer<String, AssetMetrics> assets = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), PlaceholderTopology.ASSET_SERDE.serializer());
             KafkaProducer<String, MarketMetrics> markets = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), PlaceholderTopology.MARKET_SERDE.serializer())) {
            assets.send(new ProducerRecord<>(topics.assetMetrics(), "BTC", AssetMetrics.newBuilder()
                    .setSymbol("BTC").setName("Bitcoin").setPriceUsd(91_000.5).setVolume24hUsd(800.0).setVolume24hBase(0.009)
                    .setAthUsd(126_000.0).setAthTime(Instant.parse("2025-10-06T12:00:00Z")).setRank(1)
                    .setCategories(List.of("layer-1")).setSparkline7d(java.util.Arrays.asList(null, 90_000.0))
                    .setUpdatedAt(T).build())).get();
            assets.send(new ProducerRecord<>(topics.assetMetrics(), "ETH", AssetMetrics.newBuilder()
                    .setSymbol("ETH").setVolume24hUsd(0.0).setVolume24hBase(0.0).setUpdatedAt(T).build())).get();
            // Market records go to the partition of their base asset, as the topology keeps them.
            markets.send(new ProducerRecord<>(topics.marketMetrics(), partitionOf("BTC"), "binance:BTC-USDT", market("binance", "BTC", "USDT", 300.0))).get();
            markets.send(new ProducerRecord<>(topics.marketMetrics(), partitionOf("BTC"), "coinbase:BTC-USD", market("coinbase", "BTC", "USD", 500.0))).get();
            markets.send(new ProducerRecord<>(topics.marketMetrics(), partitionOf("ETH"), "kraken:ETH-USD", market("kraken", "ETH", "USD", 700.0))).get();
        }
    }

    /** Kafka's default partitioning of a String key, written out: murmur2 of the UTF-8 bytes. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static MarketMetrics market(String exchange, String base, String quote, double volumeUsd) {
        return MarketMetrics.newBuilder().setMarket(exchange + ":" + base + "-" + quote).setExchange(exchange)
                .setBase(base).setQuote(quote).setLastPrice(91_000.0).setVolume24hBase(0.004).setVolume24hQuote(volumeUsd)
                .setVolume24hUsd(volumeUsd).setLastTradeTime(T).setUpdatedAt(T).build();
    }
}
