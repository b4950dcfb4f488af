package io.marketmetrics.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.app.runtime.TopicProvisioner;
import io.marketmetrics.app.testing.ChildJvm;
import io.marketmetrics.app.testing.TopicReader;
import io.marketmetrics.model.Symbols;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.schema.Candle;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema registry down when the application starts, and again at run time when the application meets its
 * first candle (a schema it has not registered yet): the application says so, waits and retries, dead-letters
 * nothing, and once the registry is back every trade counts exactly once, as summed here from the trades.
 */
class RegistryOutageTest {

    // 2 000 trades 150 ms apart: 5 minutes, less than a 1-minute candle and its 5 minutes of grace, so the
    // first candle is published only from the later trades, while the registry is down the second time.
    private static final int BEFORE_RUN_TIME_OUTAGE = 2_000;
    private static final int TRADES = 8_000;
    private static final Duration GRACE = Duration.ofMinutes(5);
    // Each outage lasts until the application has failed this many requests to the registry: more than a
    // registry client makes for one request by default (4), so that giving up after them would show.
    private static final int OUTAGE_ATTEMPTS = 6;

    @RegisterExtension
    static final FaultCluster cluster = new FaultCluster();

    @Test
    void theApplicationWaitsForTheRegistryAndLosesNothing() throws Exception {
        List<Trade> trades = GeneratedTrades.generate(31, TRADES);
        String id = "outage";
        TopicNames topics = FaultCluster.topics(id);
        TopicProvisioner.provision(cluster.bootstrapServers(), new TopicLayout(topics, FaultCluster.PARTITIONS));

        try (TradePublisher publisher = cluster.publisher(topics);
             Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            // The producer registers the trade schema with its first trade and keeps its id: it publishes on
            // through both outages.
            publish(publisher, trades.subList(0, BEFORE_RUN_TIME_OUTAGE));
            cluster.stopRegistry();
            try (ChildJvm app = cluster.startApp(id, cluster.dir().resolve("state"))) {
                awaitRegistryFailures(app, OUTAGE_ATTEMPTS);
                assertThat(FinalOutputs.committed(admin, id, topics.trades())).as("nothing processed without the registry").isZero();
                assertThat(TopicReader.readAllRaw(cluster.bootstrapServers(), topics.tradesDlq())).as("nothing dead-lettered").isEmpty();

                cluster.startRegistry();
                await("processing after the registry is back").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .failFast("the application exited", () -> !app.isAlive())
                        .until(() -> FinalOutputs.committed(admin, id, topics.trades()) >= BEFORE_RUN_TIME_OUTAGE);

                cluster.stopRegistry();
                int failuresBefore = registryFailures(app);
                publish(publisher, trades.subList(BEFORE_RUN_TIME_OUTAGE, TRADES));
                awaitRegistryFailures(app, failuresBefore + OUTAGE_ATTEMPTS);
                cluster.startRegistry();

                FinalOutputs.awaitSettled(cluster.bootstrapServers(), id, topics, Duration.ofMinutes(3));
                assertThat(app.isAlive()).as("the application kept running: " + app.output()).isTrue();
            }
        }

        assertThat(TopicReader.readAllRaw(cluster.bootstrapServers(), topics.tradesDlq())).as("nothing dead-lettered").isEmpty();
        FinalOutputs outputs = FinalOutputs.read(cluster.bootstrapServers(), cluster.registryUrl(), topics);
        MarketTotals.of(trades).assertMatch(outputs.marketMetrics());
        assertMarketCandles(trades, TopicReader.readAll(cluster.bootstrapServers(), cluster.registryUrl(), topics.candles1m()));
    }

    /**
     * Every market's 1-minute candles, recounted here: each published once with the number of trades of its minute,
     * and every minute published whose grace had passed well before the last trade.
     */
    private static void assertMarketCandles(List<Trade> trades, List<ConsumerRecord<String, Object>> published) {
        Map<String, Long> expected = new TreeMap<>();
        Instant settled = trades.get(trades.size() - 1).getEventTime().minus(GRACE).minus(Duration.ofMinutes(1));
        for (Trade t : trades) {
            Instant minute = t.getEventTime().truncatedTo(ChronoUnit.MINUTES);
            if (!minute.plus(Duration.ofMinutes(1)).isAfter(settled)) {
                expected.merge(Symbols.marketId(t.getExchange(), t.getBase(), t.getQuote()) + " " + minute, 1L, Long::sum);
            }
        }
        Map<String, Long> actual = new TreeMap<>();
        for (ConsumerRecord<String, Object> r : published) {
            Candle c = (Candle) r.value();
            String key = c.getSubject() + " " + c.getStart();
            if (c.getSubject().contains(":") && expected.containsKey(key)) {
                assertThat(actual.put(key, c.getTradeCount())).as("candle " + key + " published once").isNull();
            }
        }
        assertThat(expected).hasSizeGreaterThan(18 * 10);
        assertThat(actual).isEqualTo(expected);
    }

    private static void publish(TradePublisher publisher, List<Trade> trades) {
        trades.forEach(publisher::accept);
        publisher.flush();
    }

    /** Waits until the application has reported at least {@code count} failed registry requests. */
    private static void awaitRegistryFailures(ChildJvm app, int count) {
        await("the application reports the registry down").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .failFast("the application exited", () -> !app.isAlive())
                .until(() -> registryFailures(app) >= count);
    }

    /** Lines of the application's log naming a failed request to the registry. */
    private static int registryFailures(ChildJvm app) {
        return (int) app.output().lines().filter(l -> l.contains("Schema registry " + cluster.registryUrl())).count();
    }
}
