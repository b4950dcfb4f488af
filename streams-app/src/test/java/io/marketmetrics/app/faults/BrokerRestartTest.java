package io.marketmetrics.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.app.runtime.TopicProvisioner;
import io.marketmetrics.app.testing.ChildJvm;
import io.marketmetrics.app.testing.TopicReader;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.replay.ReplayOptions;
import io.marketmetrics.producers.replay.ReplaySource;
import io.marketmetrics.schema.MarketMetrics;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker process stopped and started again on its data directory and port while a paced replay publishes
 * and the application (its own process) computes: both recover by themselves, and every trade counts exactly
 * once: each market's 24-hour trade count and base volume equal those summed here from the trades published.
 */
class BrokerRestartTest {

    private static final int TRADES = 20_000;
    // 100 times real time: 150 ms apart, about 670 trades a second, 30 s for the whole replay.
    private static final double SPEED = 100;

    @TempDir
    static Path dir;
    static FaultCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = FaultCluster.start(dir);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void producersAndTheApplicationRecoverAndCountEveryTradeOnce() throws Exception {
        List<Trade> trades = GeneratedTrades.generate(21, TRADES);
        Path file = dir.resolve("trades.csv");
        List<String> rows = new ArrayList<>(List.of("timestamp,exchange,base,quote,price,quantity,trade_id,side"));
        Map<String, Long> expectedCounts = new TreeMap<>();
        Map<String, Double> expectedBase = new TreeMap<>();
        for (Trade t : trades) {
            rows.add(t.getEventTime() + "," + t.getExchange() + "," + t.getBase() + "," + t.getQuote() + "," + t.getPrice()
                    + "," + t.getQuantity() + "," + t.getTradeId() + "," + t.getSide().name().toLowerCase());
            String market = Symbols.marketId(t.getExchange(), t.getBase(), t.getQuote());
            expectedCounts.merge(market, 1L, Long::sum);
            expectedBase.merge(market, t.getQuantity(), Double::sum);
        }
        Files.write(file, rows);
        String id = "restart";
        TopicNames topics = FaultCluster.topics(id);
        TopicProvisioner.provision(cluster.bootstrapServers(), new TopicLayout(topics, FaultCluster.PARTITIONS));

        try (ChildJvm app = cluster.startApp(id, dir.resolve("state"));
             TradePublisher publisher = cluster.publisher(topics);
             Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            CompletableFuture<Void> replay = CompletableFuture.runAsync(() -> {
                try {
                    new ReplaySource(new ReplayOptions(file, null, null, null, SPEED, true)).run(publisher);
                    publisher.flush();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await("the application under way").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .failFast("the application exited", () -> !app.isAlive())
                    .until(() -> FinalOutputs.committed(admin, id, topics.trades()) >= 2000);

            cluster.broker().stop();
            cluster.broker().restart();

            replay.get();
            assertThat(publisher.sent()).as("every trade acknowledged").isEqualTo(TRADES);
            assertThat(publisher.failed()).isZero();
            FinalOutputs.awaitSettled(cluster.bootstrapServers(), id, topics, Duration.ofMinutes(5));
            assertThat(app.isAlive()).as("the application kept running: " + app.output()).isTrue();
        }

        assertThat(TopicReader.readAllRaw(cluster.bootstrapServers(), topics.tradesDlq())).isEmpty();
        Map<String, Object> markets = FinalOutputs.read(cluster.bootstrapServers(), cluster.registryUrl(), topics).marketMetrics();
        assertThat(markets.keySet()).isEqualTo(expectedCounts.keySet());
        expectedCounts.forEach((market, count) -> {
            MarketMetrics m = (MarketMetrics) markets.get(market);
            assertThat(m.getTradeCount24h()).as(market + " trades").isEqualTo(count);
            double base = expectedBase.get(market);
            assertThat(m.getVolume24hBase()).as(market + " base volume").isCloseTo(base, within(base * 1e-9));
        });
    }
}
