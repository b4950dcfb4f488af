package io.marketmetrics.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.app.runtime.TopicProvisioner;
import io.marketmetrics.app.testing.ChildJvm;
import io.marketmetrics.app.testing.TopicReader;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.replay.ReplayOptions;
import io.marketmetrics.producers.replay.ReplaySource;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The broker process stopped and started again on its data directory and port while a paced replay publishes
 * and the application (its own process) computes: both recover by themselves, and every trade counts exactly
 * once: each market's 24-hour trade count and base volume equal those summed here from the trades published.
 */
class BrokerRestartTest {

    private static final int TRADES = 20_000;
    // 100 times real time: 150 ms apart, about 670 trades a second, 30 s for the whole replay.
    private static final double SPEED = 100;

    @RegisterExtension
    static final FaultCluster cluster = new FaultCluster();

    @Test
    void producersAndTheApplicationRecoverAndCountEveryTradeOnce() throws Exception {
        List<Trade> trades = GeneratedTrades.generate(21, TRADES);
        Path file = cluster.dir().resolve("trades.csv");
        List<String> rows = new ArrayList<>(List.of("timestamp,exchange,base,quote,price,quantity,trade_id,side"));
        for (Trade t : trades) {
            rows.add(t.getEventTime() + "," + t.getExchange() + "," + t.getBase() + "," + t.getQuote() + "," + t.getPrice()
                    + "," + t.getQuantity() + "," + t.getTradeId() + "," + t.getSide().name().toLowerCase());
        }
        Files.write(file, rows);
        String id = "restart";
        TopicNames topics = FaultCluster.topics(id);
        TopicProvisioner.provision(cluster.bootstrapServers(), new TopicLayout(topics, FaultCluster.PARTITIONS));

        try (ChildJvm app = cluster.startApp(id, cluster.dir().resolve("state"));
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
        MarketTotals.of(trades).assertMatch(FinalOutputs.read(cluster.bootstrapServers(), cluster.registryUrl(), topics).marketMetrics());
    }
}
