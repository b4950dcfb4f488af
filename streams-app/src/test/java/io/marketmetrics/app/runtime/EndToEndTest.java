package io.marketmetrics.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.app.testing.KafkaAndRegistry;
import io.marketmetrics.app.testing.TopicReader;
import io.marketmetrics.producers.Pacer;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.reference.ReferencePublisher;
import io.marketmetrics.producers.replay.ReplayOptions;
import io.marketmetrics.producers.replay.ReplaySource;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on real parts: a KRaft broker, the registry server, the producers' replay and
 * reference publisher, the metrics application and its HTTP API. Every expected figure is worked
 * out by hand from the trades in {@code e2e/trades.csv} and the definitions of METRICS.md.
 */
class EndToEndTest {

    private static final int PARTITIONS = 3;
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    @TempDir
    static Path dir;
    @RegisterExtension
    static final KafkaAndRegistry cluster = new KafkaAndRegistry();

    @Test
    void replayedHistoryGivesTheHandComputedFigures() throws Exception {
        TopicNames topics = new TopicNames("e2e.");
        AppSettings settings = settings("e2e", topics);
        PublishTarget target = target(topics);
        TopicProvisioner.provision(cluster.bootstrapServers(), new TopicLayout(topics, PARTITIONS));
        try (MetricsService service = MetricsService.start(settings, StandardTopology.of(settings))) {
            ReferencePublisher.publish(ReferenceData.load(resource("e2e/reference.yaml")), target);
            awaitConsumed(settings.applicationId(), topics.assetReference());
            replay(resource("e2e/trades.csv"), target);

            String base = "http://127.0.0.1:" + service.httpPort();
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                    Http.get(base + "/api/v1/assets/BTC").json().get("lastTradeTime").asText().equals("2024-03-01T00:10:00Z"));

            // Markets, worked out by hand. binance:BTC-USDT: b1 60000 x 0.5, b2 60100 x 0.3 (its repeat is a
            // duplicate), b3 61000 x 0.1; USDT is pegged at 1. coinbase:BTC-USD: c1 60300 x 0.2, c2 60200 x 0.1;
            // c3 (00:01, after stream time reached 00:10) is later than the 5-minute grace: dead letter.
            double binanceUsd = 60000 * 0.5 + 60100 * 0.3 + 61000 * 0.1;   // 54 130
            double coinbaseUsd = 60300 * 0.2 + 60200 * 0.1;                 // 18 080
            double totalUsd = binanceUsd + coinbaseUsd;                     // 72 210
            // Price at T = 00:10:00: binance traded at T (penalty 1), coinbase last at 00:00:30, 9.5 minutes
            // old (penalty 0.8); two markets, so no outlier guard.
            double wBinance = 1.0 * binanceUsd;
            double wCoinbase = 0.8 * coinbaseUsd;
            double price = (wBinance * 61000 + wCoinbase * 60200) / (wBinance + wCoinbase);
            // Earlier evaluations (after b1, c1, b2, c2) gave 60000, 60086.0, 60140.1 and 60127.4: all below it.
            double low = 60000;

            JsonNode btc = Http.get(base + "/api/v1/assets/BTC").json();
            assertThat(btc.get("symbol").asText()).isEqualTo("BTC");
            assertThat(btc.get("name").asText()).isEqualTo("Bitcoin");
            assertClose(btc, "priceUsd", price);
            assertClose(btc, "volume24hUsd", totalUsd);
            assertClose(btc, "volume24hBase", 0.5 + 0.3 + 0.1 + 0.2 + 0.1);
            assertClose(btc, "high24hUsd", price);
            assertClose(btc, "low24hUsd", low);
            assertClose(btc, "athUsd", price);
            assertThat(btc.get("athTime").asText()).isEqualTo("2024-03-01T00:10:00Z");
            assertClose(btc, "pctFromAth", 0.0);
            assertClose(btc, "atlUsd", low);
            assertThat(btc.get("atlTime").asText()).isEqualTo("2024-03-01T00:00:00Z");
            assertClose(btc, "pctFromAtl", 100 * (price - low) / low);
            assertClose(btc, "marketCapUsd", price * 19_000_000);
            assertClose(btc, "fdvUsd", price * 21_000_000);
            assertClose(btc, "volumeToMarketCap", totalUsd / (price * 19_000_000));
            assertClose(btc, "circulatingSupply", 19_000_000);
            assertClose(btc, "maxSupply", 21_000_000);
            assertThat(btc.get("totalSupply").isNull()).isTrue();
            // Nothing is an hour old yet: no change figures.
            assertThat(btc.get("change1hPct").isNull()).isTrue();
            assertThat(btc.get("change24hPct").isNull()).isTrue();
            assertThat(btc.get("change7dPct").isNull()).isTrue();
            assertThat(btc.get("categories").toString()).isEqualTo("[\"layer-1\"]");
            assertThat(btc.get("updatedAt").asText()).isEqualTo("2024-03-01T00:10:00Z");

            JsonNode markets = Http.get(base + "/api/v1/assets/BTC/markets").json();
            assertThat(markets.size()).isEqualTo(2);
            JsonNode binance = markets.get(0);
            assertThat(binance.get("market").asText()).isEqualTo("binance:BTC-USDT");
            assertClose(binance, "lastPrice", 61000);
            assertClose(binance, "lastPriceUsd", 61000);
            assertClose(binance, "volume24hBase", 0.5 + 0.3 + 0.1);
            assertClose(binance, "volume24hQuote", binanceUsd);
            assertClose(binance, "volume24hUsd", binanceUsd);
            assertClose(binance, "volumeSharePct", 100 * binanceUsd / totalUsd);
            assertClose(binance, "high24h", 61000);
            assertClose(binance, "low24h", 60000);
            assertThat(binance.get("lastTradeTime").asText()).isEqualTo("2024-03-01T00:10:00Z");
            assertThat(binance.get("tradeUrl").asText()).isEqualTo("https://www.binance.com/en/trade/BTC_USDT");
            JsonNode coinbase = markets.get(1);
            assertThat(coinbase.get("market").asText()).isEqualTo("coinbase:BTC-USD");
            assertClose(coinbase, "lastPrice", 60200);
            assertClose(coinbase, "volume24hUsd", coinbaseUsd);
            // A market is evaluated at its own last trade (00:00:30), when the asset's volume was b1 + b2 + c1 + c2.
            assertClose(coinbase, "volumeSharePct", 100 * coinbaseUsd / (60000 * 0.5 + 60100 * 0.3 + coinbaseUsd));
            assertClose(coinbase, "high24h", 60300);
            assertClose(coinbase, "low24h", 60200);
            assertThat(coinbase.get("lastTradeTime").asText()).isEqualTo("2024-03-01T00:00:30Z");
            assertThat(coinbase.get("tradeUrl").asText()).isEqualTo("https://www.coinbase.com/advanced-trade/spot/BTC-USD");

            // The output topics say the same as the API.
            // The stores are updated before the publisher's next punctuation and commit: wait for the topics.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                AssetMetrics published = (AssetMetrics) latestByKey(topics.assetMetrics()).get("BTC");
                assertThat(published.getPriceUsd()).isCloseTo(price, within(price * 1e-9));
                assertThat(published.getVolume24hUsd()).isCloseTo(totalUsd, within(totalUsd * 1e-9));
                MarketMetrics binanceOut = (MarketMetrics) latestByKey(topics.marketMetrics()).get("binance:BTC-USDT");
                assertThat(binanceOut.getTradeCount24h()).isEqualTo(3);
                assertThat(binanceOut.getVolume24hUsd()).isCloseTo(binanceUsd, within(binanceUsd * 1e-9));
                MarketMetrics coinbaseOut = (MarketMetrics) latestByKey(topics.marketMetrics()).get("coinbase:BTC-USD");
                assertThat(coinbaseOut.getTradeCount24h()).isEqualTo(2);
            });

            // Exactly one dead letter: the late trade, with its reason.
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAllRaw(cluster.bootstrapServers(), topics.tradesDlq());
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).key()).isEqualTo("BTC");
            assertThat(new String(dead.get(0).headers().lastHeader("reason").value(), StandardCharsets.UTF_8)).isEqualTo("LATE");
        }
    }

    @Test
    void aRestartMidStreamCountsNoTradeTwice() throws Exception {
        TopicNames topics = new TopicNames("restart.");
        AppSettings settings = settings("restart", topics);
        PublishTarget target = target(topics);
        TopicProvisioner.provision(cluster.bootstrapServers(), new TopicLayout(topics, PARTITIONS));
        // 400 trades of one market at a constant price, 1 s apart, quantities 0.001 .. 0.007.
        int count = 400;
        List<String> rows = new ArrayList<>(List.of("timestamp,exchange,base,quote,price,quantity,trade_id,side"));
        double expectedBase = 0;
        for (int i = 0; i < count; i++) {
            double quantity = (i % 7 + 1) / 1000.0;
            expectedBase += quantity;
            rows.add(T0.plusSeconds(i) + ",kraken,ETH,USD,2000," + quantity + ",k" + i + ",buy");
        }
        Path file = Files.write(dir.resolve("restart.csv"), rows);
        double expectedUsd = 2000 * expectedBase;

        TradeFeed feed = null;
        try {
            try (MetricsService first = MetricsService.start(settings, StandardTopology.of(settings))) {
                String base = "http://127.0.0.1:" + first.httpPort();
                await().atMost(Duration.ofSeconds(90)).until(() -> Http.get(base + "/health").status() == 200);
                // 20 times real time: the 400 seconds of trades take 20 s to publish.
                feed = TradeFeed.start(new ReplaySource(new ReplayOptions(file, null, "kraken", null, 20, false)), target);
                await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                        .until(() -> Http.get(base + "/api/v1/assets/ETH").json().get("volume24hBase").asDouble() > 0);
            } // stopped mid-stream: the feed keeps publishing
            assertThat(feed.sent()).as("the stop came before the end of the feed").isLessThan(count);

            try (MetricsService second = MetricsService.start(settings, StandardTopology.of(settings))) {
                String base = "http://127.0.0.1:" + second.httpPort();
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() ->
                        Http.get(base + "/api/v1/assets/ETH").json().get("lastTradeTime").asText()
                                .equals(T0.plusSeconds(count - 1).toString()));
                // The first run stopped cleanly and its trades all fell in one hour, so the hourly candle store was
                // never written: still, the state on disk is taken as it is, not restored from the changelogs.
                assertThat(second.restores().restoredByStore()).as("changelog records replayed at the restart")
                        .allSatisfy((store, records) -> assertThat(records).as(store).isZero());
                JsonNode eth = Http.get(base + "/api/v1/assets/ETH").json();
                assertClose(eth, "volume24hBase", expectedBase);
                assertClose(eth, "volume24hUsd", expectedUsd);
                MarketMetrics market = (MarketMetrics) latestByKey(topics.marketMetrics()).get("kraken:ETH-USD");
                assertThat(market.getTradeCount24h()).isEqualTo(count);
            }
        } finally {
            if (feed != null) {
                feed.close();
            }
        }
    }

    @Test
    void figuresOfHistoryWaitForTheCommitIntervalAndLiveOnesDoNot() throws Exception {
        TopicNames topics = new TopicNames("live.");
        // Within the test only the publication's own requests can commit: Kafka Streams' interval is ten minutes
        // (and a transaction may stay open that long).
        AppSettings settings = settings("live", topics,
                Map.of("commit.interval.ms", "600000", "producer.transaction.timeout.ms", "660000"));
        TopicProvisioner.provision(cluster.bootstrapServers(), new TopicLayout(topics, PARTITIONS));
        try (MetricsService service = MetricsService.start(settings, StandardTopology.of(settings));
             TradePublisher publisher = new TradePublisher(target(topics))) {
            String base = "http://127.0.0.1:" + service.httpPort();
            await().atMost(Duration.ofSeconds(90)).until(() -> Http.get(base + "/health").status() == 200);

            // A trade from history: its task catches up, so its figures wait for the next commit of the interval.
            publisher.accept(trade(T0, 1000, 0.25, "history"));
            publisher.flush();
            Thread.sleep(3_000);
            assertThat(latestByKey(topics.assetMetrics())).as("figures committed while the input is history").isEmpty();

            // A live trade of the same asset makes its task live: a commit is asked for within the publish interval,
            // and it carries the figures of both trades (the first, a day outside the window, as the all-time low).
            Instant now = Instant.now();
            publisher.accept(trade(now, 2000, 0.5, "live"));
            publisher.flush();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                AssetMetrics eth = (AssetMetrics) latestByKey(topics.assetMetrics()).get("ETH");
                assertThat(eth).isNotNull();
                assertThat(eth.getLastTradeTime()).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));
                assertThat(eth.getVolume24hBase()).isCloseTo(0.5, within(1e-12));
                assertThat(eth.getAtlUsd()).isEqualTo(1000.0);
                assertThat(eth.getAtlTime()).isEqualTo(T0);
            });
            MarketMetrics market = (MarketMetrics) latestByKey(topics.marketMetrics()).get("kraken:ETH-USD");
            assertThat(market.getTradeCount24h()).isEqualTo(1);
        }
    }

    private static AppSettings settings(String applicationId, TopicNames topics) {
        return settings(applicationId, topics, Map.of());
    }

    private static AppSettings settings(String applicationId, TopicNames topics, Map<String, String> streamsOverrides) {
        return new AppSettings(cluster.bootstrapServers(), cluster.registryUrl(), applicationId, dir.resolve(applicationId + "-state"),
                "127.0.0.1", 0, null, topics, PARTITIONS, streamsOverrides);
    }

    private static Trade trade(Instant time, double price, double quantity, String id) {
        return Trade.newBuilder().setExchange("kraken").setBase("ETH").setQuote("USD").setPrice(price).setQuantity(quantity)
                .setTradeId(id).setSide(TakerSide.BUY).setEventTime(time).build();
    }

    private static PublishTarget target(TopicNames topics) {
        return new PublishTarget(cluster.bootstrapServers(), cluster.registryUrl(), topics, PublishTarget.DEFAULT_TIMEOUT, Map.of());
    }

    private static void replay(Path file, PublishTarget target) throws Exception {
        try (TradePublisher publisher = new TradePublisher(target)) {
            new ReplaySource(new ReplayOptions(file, null, "binance", null, Pacer.MAX, true)).run(publisher);
            publisher.flush();
        }
    }

    /** Waits until the application's group has consumed every record of {@code topic}. */
    private static void awaitConsumed(String group, String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Set<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
                Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
            });
        }
    }

    private static Map<String, Object> latestByKey(String topic) {
        Map<String, Object> latest = new LinkedHashMap<>();
        TopicReader.readAll(cluster.bootstrapServers(), cluster.registryUrl(), topic).forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    private static void assertClose(JsonNode node, String field, double expected) {
        assertThat(node.get(field).isNumber()).as(field + " is a number: " + node.get(field)).isTrue();
        assertThat(node.get(field).asDouble()).as(field).isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-12));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EndToEndTest.class.getClassLoader().getResource(name).toURI());
    }
}
