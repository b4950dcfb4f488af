package io.marketmetrics.app.query;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.app.runtime.TopicProvisioner;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Figures the query tests publish, and instances of the application that serve them. Twelve assets with
 * hand-picked figures: asset i has price 100 + i, 24h volume 1000 (i + 1), rank i + 1 and market cap
 * (12 - i) billion for i below 10 (none for the last two), category layer-1 (even i) or defi (odd i);
 * each has three markets with 24h volumes coinbase 500 + i &gt; binance 300 + i &gt; kraken 100.
 */
final class FiguresFixture {

    static final int PARTITIONS = 6;
    static final List<String> SYMBOLS = List.of("BTC", "ETH", "SOL", "XRP", "BNB", "DOGE", "ADA", "TRX", "AVAX", "DOT", "LTC", "BCH");
    static final Instant T = Instant.parse("2026-11-20T10:15:30Z");
    static final TopicNames TOPICS = TopicNames.unprefixed();

    private FiguresFixture() {
    }

    static AssetMetrics asset(int i) {
        List<Double> sparkline = new ArrayList<>(Collections.nCopies(166, null));
        sparkline.addAll(Arrays.asList(90.0 + i, 95.0 + i));
        return AssetMetrics.newBuilder()
                .setSymbol(SYMBOLS.get(i)).setName("Asset " + SYMBOLS.get(i)).setPriceUsd(100.0 + i)
                .setVolume24hUsd(1000.0 * (i + 1)).setVolume24hBase(10.0 * (i + 1))
                .setHigh24hUsd(110.0 + i).setLow24hUsd(90.0 + i).setChange24hPct(1.5 * i - 5)
                .setAthUsd(200.0 + i).setAthTime(Instant.parse("2025-10-06T12:00:00Z")).setPctFromAth(-40.0)
                .setAtlUsd(10.0 + i).setAtlTime(Instant.parse("2020-03-13T00:00:00Z")).setPctFromAtl(900.0)
                .setMarketCapUsd(i < 10 ? (12.0 - i) * 1e9 : null).setRank(i < 10 ? i + 1 : null)
                .setCategories(List.of(i % 2 == 0 ? "layer-1" : "defi"))
                .setSparkline7d(sparkline).setMarketCount(3).setLastTradeTime(T).setUpdatedAt(T).build();
    }

    static List<MarketMetrics> markets(int i) {
        String base = SYMBOLS.get(i);
        return List.of(market("binance", base, "USDT", 300.0 + i), market("coinbase", base, "USD", 500.0 + i),
                market("kraken", base, "EUR", 100.0));
    }

    /** The market ids of asset i by 24h volume, descending, as the fixture's volumes make them. */
    static List<String> marketOrder(int i) {
        String base = SYMBOLS.get(i);
        return List.of("coinbase:" + base + "-USD", "binance:" + base + "-USDT", "kraken:" + base + "-EUR");
    }

    private static MarketMetrics market(String exchange, String base, String quote, double volumeUsd) {
        return MarketMetrics.newBuilder().setMarket(exchange + ":" + base + "-" + quote).setExchange(exchange)
                .setBase(base).setQuote(quote).setLastPrice(99.5).setLastPriceUsd(99.5).setVolume24hBase(volumeUsd / 100)
                .setVolume24hQuote(volumeUsd).setVolume24hUsd(volumeUsd).setVolumeSharePct(volumeUsd / 10)
                .setHigh24h(101.0).setLow24h(98.0).setLastTradeTime(T)
                .setTradeUrl("https://" + exchange + ".example/trade/" + base + "_" + quote).setUpdatedAt(T).build();
    }

    static void provisionTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            new TopicProvisioner(admin).provision(new TopicLayout(TOPICS, PARTITIONS));
        }
    }

    /** Publishes every asset's and market's figures; markets go to their base asset's partition, as the topology keeps them. */
    static void publishAll(String bootstrap, String registryUrl) throws Exception {
        for (int i = 0; i < SYMBOLS.size(); i++) {
            publish(bootstrap, registryUrl, asset(i), markets(i));
        }
    }

    static void publish(String bootstrap, String registryUrl, AssetMetrics asset, List<MarketMetrics> markets) throws Exception {
        try (KafkaProducer<String, AssetMetrics> assets = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), FiguresTopology.<AssetMetrics>serde(registryUrl).serializer());
             KafkaProducer<String, MarketMetrics> marketProducer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), FiguresTopology.<MarketMetrics>serde(registryUrl).serializer())) {
            assets.send(new ProducerRecord<>(TOPICS.assetMetrics(), asset.getSymbol(), asset)).get();
            for (MarketMetrics m : markets) {
                marketProducer.send(new ProducerRecord<>(TOPICS.marketMetrics(), partitionOf(m.getBase()), m.getMarket(), m)).get();
            }
        }
    }

    /** Kafka's default partitioning of a String key, written out: murmur2 of the UTF-8 bytes. */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    static MetricsService startInstance(String bootstrap, String registryUrl, String applicationId, Path stateDir) {
        return startInstance(bootstrap, registryUrl, applicationId, stateDir, 0);
    }

    /** An instance serving HTTP on {@code httpPort} (0: a free port). */
    static MetricsService startInstance(String bootstrap, String registryUrl, String applicationId, Path stateDir, int httpPort) {
        AppSettings settings = new AppSettings(bootstrap, registryUrl, applicationId, stateDir, "127.0.0.1", httpPort, null,
                TOPICS, PARTITIONS, Map.of());
        return MetricsService.start(settings, FiguresTopology.of(TOPICS, registryUrl));
    }
}
