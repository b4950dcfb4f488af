package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.app.runtime.AppTopology;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.MetricsTopology;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TopologyStreamsConfig;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.MockSchemaRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real metrics topology behind the API: trades in, then the asset's figures and its 1m and 1h candles
 * (from the window stores, filtered by from/to) as computed by hand from those trades.
 */
class CandlesTest {

    private static final String REGISTRY = "mock://candles-test";

    @TempDir
    Path dir;

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope("candles-test");
    }

    @Test
    void candlesAndFiguresFromTrades() throws Exception {
        // Recent event times (the topology refuses trades from the future, keeps candles for days).
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        Instant m0 = hour.plusSeconds(60);
        Instant m1 = m0.plusSeconds(60);
        Instant m3 = m0.plusSeconds(180);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            FiguresFixture.provisionTopics(bootstrap);
            MetricsConfig config = MetricsConfig.defaults(FiguresFixture.TOPICS, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY));
            AppTopology topology = new AppTopology(MetricsTopology.build(config), TopologyStreamsConfig.properties(config),
                    StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS);
            AppSettings settings = new AppSettings(bootstrap, REGISTRY, "candles-test", dir.resolve("app"), "127.0.0.1", 0, null,
                    FiguresFixture.TOPICS, FiguresFixture.PARTITIONS, Map.of());
            try (MetricsService app = MetricsService.start(settings, topology);
                 KafkaProducer<String, Trade> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                         new StringSerializer(), FiguresTopology.<Trade>serde(REGISTRY).serializer())) {
                // One market, quoted in a pegged stablecoin: the asset's price is the trade price.
                trade(producer, "1", 100.0, 1.0, m0.plusSeconds(5));
                trade(producer, "2", 102.0, 1.0, m0.plusSeconds(30));
                trade(producer, "3", 101.0, 2.0, m1.plusSeconds(10));
                trade(producer, "4", 99.0, 1.0, m3.plusSeconds(20));
                producer.flush();
                String base = "http://127.0.0.1:" + app.httpPort() + "/api/v1/assets/BTC";
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    Http.Response r = Http.get(base);
                    return r.status() == 200 && r.json().get("lastTradeTime").asText().equals(m3.plusSeconds(20).toString());
                });

                JsonNode btc = Http.get(base).json();
                assertThat(btc.get("priceUsd").asDouble()).isEqualTo(99.0);
                assertThat(btc.get("volume24hUsd").asDouble()).isEqualTo(100 + 102 + 202 + 99);
                assertThat(btc.get("high24hUsd").asDouble()).isEqualTo(102.0);
                assertThat(btc.get("low24hUsd").asDouble()).isEqualTo(99.0);

                // The closed buckets reach the queries at the commit, the figures just before it (docs/STATE.md).
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> Http.get(base + "/candles?interval=1m").json().size() == 3);
                JsonNode minutes = Http.get(base + "/candles?interval=1m").json();
                assertThat(minutes).hasSize(3);
                candle(minutes.get(0), m0, 100, 102, 100, 102, 2, 202);
                candle(minutes.get(1), m1, 101, 101, 101, 101, 2, 202);
                candle(minutes.get(2), m3, 99, 99, 99, 99, 1, 99);
                assertThat(minutes.get(0).get("end").asText()).isEqualTo(m1.toString());

                JsonNode between = Http.get(base + "/candles?interval=1m&from=" + m1 + "&to=" + m3.toEpochMilli()).json();
                assertThat(between).hasSize(1);
                candle(between.get(0), m1, 101, 101, 101, 101, 2, 202);

                JsonNode hours = Http.get(base + "/candles?interval=1h").json();
                assertThat(hours).hasSize(1);
                candle(hours.get(0), hour, 100, 102, 99, 99, 5, 503);

                assertThat(Http.get(base + "/candles?interval=1m&from=" + m3 + "&to=" + m1).status()).isEqualTo(400);
                assertThat(Http.get(base + "/candles?interval=5m").json().get("error").asText()).isEqualTo("interval must be 1m or 1h, got '5m'");
                assertThat(Http.get(base + "/candles").json().get("error").asText()).isEqualTo("interval must be 1m or 1h, got none");
                assertThat(Http.get(base + "/candles?interval=1m&from=yesterday").json().get("error").asText())
                        .isEqualTo("from must be an ISO-8601 UTC time (2026-11-20T10:00:00Z) or epoch milliseconds, got 'yesterday'");

                JsonNode markets = Http.get(base + "/markets").json();
                assertThat(markets).hasSize(1);
                assertThat(markets.get(0).get("market").asText()).isEqualTo("binance:BTC-USDT");
                assertThat(markets.get(0).get("volumeSharePct").asDouble()).isEqualTo(100.0);
            }
        }
    }

    private static void candle(JsonNode c, Instant start, double open, double high, double low, double close, double volumeBase, double volumeUsd) {
        assertThat(c.get("start").asText()).isEqualTo(start.toString());
        assertThat(c.get("currency").asText()).isEqualTo("USD");
        assertThat(c.get("open").asDouble()).isEqualTo(open);
        assertThat(c.get("high").asDouble()).isEqualTo(high);
        assertThat(c.get("low").asDouble()).isEqualTo(low);
        assertThat(c.get("close").asDouble()).isEqualTo(close);
        assertThat(c.get("volumeBase").asDouble()).isEqualTo(volumeBase);
        assertThat(c.get("volumeUsd").asDouble()).isEqualTo(volumeUsd);
    }

    private static void trade(KafkaProducer<String, Trade> producer, String id, double price, double quantity, Instant time) {
        producer.send(new ProducerRecord<>(FiguresFixture.TOPICS.trades(), "BTC", Trade.newBuilder().setExchange("binance")
                .setBase("BTC").setQuote("USDT").setPrice(price).setQuantity(quantity).setTradeId(id).setEventTime(time).build()));
    }
}
