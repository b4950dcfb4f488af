package io.marketmetrics.app.query;

import static io.marketmetrics.app.query.FiguresFixture.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.serde.MockSchemaRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the application against one real broker: both answer every asset and market
 * identically (each holds about half the partitions, so half its answers are forwarded) and merge the
 * list from both; then one is stopped, and while its partitions move the other answers every key
 * with 503 or the right figures, never wrong ones, and correctly once they have moved.
 */
class ClusterQueryTest {

    private static final String REGISTRY = "mock://cluster-query-test";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyInstanceAnswersEveryKeyAndSurvivesTheLossOfTheOther() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            FiguresFixture.provisionTopics(bootstrap);
            FiguresFixture.publishAll(bootstrap, REGISTRY);
            MetricsService one = FiguresFixture.startInstance(bootstrap, REGISTRY, "cluster-query-test", dir.resolve("one"));
            MetricsService two = FiguresFixture.startInstance(bootstrap, REGISTRY, "cluster-query-test", dir.resolve("two"));
            try {
                List<String> bases = List.of(base(one), base(two));
                await().atMost(Duration.ofSeconds(90)).until(() -> running(one) && running(two)
                        && ownedPartitions(one, one).size() + ownedPartitions(one, two).size() == FiguresFixture.PARTITIONS
                        && !ownedPartitions(one, one).isEmpty() && !ownedPartitions(one, two).isEmpty());
                // Each instance holds some of the assets and must forward the others.
                Set<Integer> ofOne = ownedPartitions(one, one);
                long localToOne = SYMBOLS.stream().filter(s -> ofOne.contains(FiguresFixture.partitionOf(s))).count();
                assertThat(localToOne).isBetween(1L, SYMBOLS.size() - 1L);

                for (String base : bases) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> allCorrect(base));
                }
                for (int i = 0; i < SYMBOLS.size(); i++) {
                    String path = "/api/v1/assets/" + SYMBOLS.get(i);
                    assertThat(body(bases.get(0) + path)).isEqualTo(body(bases.get(1) + path));
                    assertThat(body(bases.get(0) + path + "/markets")).isEqualTo(body(bases.get(1) + path + "/markets"));
                }
                for (String base : bases) {
                    assertListsCorrect(base);
                    Http.Response unknown = Http.get(base + "/api/v1/assets/NOPE");
                    assertThat(unknown.status()).isEqualTo(404);
                    assertThat(unknown.json().get("error").asText()).isEqualTo("unknown asset NOPE");
                    assertThat(Http.get(base + "/api/v1/assets/NOPE/markets").json().get("error").asText())
                            .isEqualTo("no markets for asset NOPE");
                }

                one.close();
                String survivor = bases.get(1);
                List<Integer> statuses = new ArrayList<>();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    boolean all = true;
                    for (int i = 0; i < SYMBOLS.size(); i++) {
                        all &= answeredCorrectlyOr503(survivor, i, statuses);
                    }
                    return all;
                });
                assertThat(statuses).contains(200);
                assertListsCorrect(survivor);
                assertThat(ownedPartitions(two, two)).hasSize(FiguresFixture.PARTITIONS);
            } finally {
                one.close();
                two.close();
                MockSchemaRegistry.dropScope("cluster-query-test");
            }
        }
    }

    /** One asset and its markets: true when both are right; 503 is allowed, anything else fails the test at once. */
    private static boolean answeredCorrectlyOr503(String base, int i, List<Integer> statuses) throws Exception {
        HttpResponse<String> asset = get(base + "/api/v1/assets/" + SYMBOLS.get(i));
        HttpResponse<String> markets = get(base + "/api/v1/assets/" + SYMBOLS.get(i) + "/markets");
        statuses.add(asset.statusCode());
        statuses.add(markets.statusCode());
        for (HttpResponse<String> r : List.of(asset, markets)) {
            assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isIn(200, 503);
        }
        if (asset.statusCode() == 200) {
            assertAsset(JSON.readTree(asset.body()), i);
        }
        if (markets.statusCode() == 200) {
            assertMarkets(JSON.readTree(markets.body()), i);
        }
        return asset.statusCode() == 200 && markets.statusCode() == 200;
    }

    private static boolean allCorrect(String base) throws Exception {
        for (int i = 0; i < SYMBOLS.size(); i++) {
            if (get(base + "/api/v1/assets/" + SYMBOLS.get(i)).statusCode() != 200
                    || get(base + "/api/v1/assets/" + SYMBOLS.get(i) + "/markets").statusCode() != 200) {
                return false;
            }
        }
        for (int i = 0; i < SYMBOLS.size(); i++) {
            assertAsset(JSON.readTree(body(base + "/api/v1/assets/" + SYMBOLS.get(i))), i);
            assertMarkets(JSON.readTree(body(base + "/api/v1/assets/" + SYMBOLS.get(i) + "/markets")), i);
        }
        return true;
    }

    /** The figures FiguresFixture published for asset i, field by field. */
    private static void assertAsset(JsonNode a, int i) {
        assertThat(a.get("symbol").asText()).isEqualTo(SYMBOLS.get(i));
        assertThat(a.get("name").asText()).isEqualTo("Asset " + SYMBOLS.get(i));
        assertThat(a.get("priceUsd").asDouble()).isEqualTo(100.0 + i);
        assertThat(a.get("volume24hUsd").asDouble()).isEqualTo(1000.0 * (i + 1));
        assertThat(a.get("athTime").asText()).isEqualTo("2025-10-06T12:00:00Z");
        assertThat(a.get("updatedAt").asText()).isEqualTo("2026-11-20T10:15:30Z");
        if (i < 10) {
            assertThat(a.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(a.get("marketCapUsd").asDouble()).isEqualTo((12.0 - i) * 1e9);
        } else {
            assertThat(a.get("rank").isNull()).isTrue();
            assertThat(a.get("marketCapUsd").isNull()).isTrue();
        }
        assertThat(a.get("sparkline7d")).hasSize(168);
        assertThat(a.get("sparkline7d").get(167).asDouble()).isEqualTo(95.0 + i);
    }

    private static void assertMarkets(JsonNode markets, int i) {
        List<String> ids = new ArrayList<>();
        markets.forEach(m -> ids.add(m.get("market").asText()));
        assertThat(ids).isEqualTo(FiguresFixture.marketOrder(i));
        assertThat(markets.get(0).get("volume24hUsd").asDouble()).isEqualTo(500.0 + i);
        assertThat(markets.get(0).get("tradeUrl").asText()).isEqualTo("https://coinbase.example/trade/" + SYMBOLS.get(i) + "_USD");
    }

    /** Ranks 1-10 first, then the two without a market cap by symbol (BCH before LTC). */
    private static void assertListsCorrect(String base) throws Exception {
        HttpResponse<String> page = get(base + "/api/v1/assets?limit=3&offset=8");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(symbols(page.body())).containsExactly("AVAX", "DOT", "BCH");
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue("12");
        HttpResponse<String> all = get(base + "/api/v1/assets");
        assertThat(symbols(all.body())).containsExactly("BTC", "ETH", "SOL", "XRP", "BNB", "DOGE", "ADA", "TRX", "AVAX", "DOT", "BCH", "LTC");
        HttpResponse<String> defi = get(base + "/api/v1/assets?category=defi");
        assertThat(symbols(defi.body())).containsExactly("ETH", "XRP", "DOGE", "TRX", "DOT", "BCH");
        assertThat(defi.headers().firstValue("X-Total-Count")).hasValue("6");
    }

    private static List<String> symbols(String body) throws Exception {
        List<String> symbols = new ArrayList<>();
        JSON.readTree(body).forEach(a -> symbols.add(a.get("symbol").asText()));
        return symbols;
    }

    private static boolean running(MetricsService s) {
        return s.streams().state() == KafkaStreams.State.RUNNING;
    }

    /** The partitions (of the asset-metrics topic, the stores' source) that {@code owner} holds, as {@code viewer} sees it. */
    private static Set<Integer> ownedPartitions(MetricsService viewer, MetricsService owner) {
        for (StreamsMetadata client : viewer.streams().metadataForAllStreamsClients()) {
            if (client.hostInfo().equals(owner.advertised())) {
                return client.topicPartitions().stream().filter(tp -> tp.topic().equals(FiguresFixture.TOPICS.assetMetrics()))
                        .map(TopicPartition::partition).collect(Collectors.toSet());
            }
        }
        return Set.of();
    }

    private static String base(MetricsService s) {
        return "http://127.0.0.1:" + s.httpPort();
    }

    private static String body(String url) throws Exception {
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
