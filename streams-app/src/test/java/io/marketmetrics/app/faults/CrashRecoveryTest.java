package io.marketmetrics.app.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import io.marketmetrics.app.testing.ChildJvm;
import io.marketmetrics.schema.Trade;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGKILL of the application at random points of a 200 000-trade replay (and a duplicate of an earlier trade
 * every 100), restarts on the same state directory and once on an empty one: with exactly_once_v2 (the default)
 * a read_committed consumer finally sees exactly what an unbroken run over the same trades published: the same
 * latest figures per key, every final candle once. Broker and applications each run in a process of their own; the unbroken run goes alongside.
 */
class CrashRecoveryTest {

    private static final int TRADES = 200_000;

    @RegisterExtension
    static final FaultCluster cluster = new FaultCluster();

    @Test
    void fiveKillsGiveTheFiguresOfAnUnbrokenRun() throws Exception {
        killAndCompare("five", 5, 11);
    }

    /**
     * The long run, excluded by default:
     * {@code ./mvnw -pl streams-app verify -Dtest=CrashRecoveryTest -Dtest.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
     */
    @Test
    @Tag("long")
    void fiftyKillsGiveTheFiguresOfAnUnbrokenRun() throws Exception {
        killAndCompare("fifty", 50, 12);
    }

    private void killAndCompare(String name, int kills, long seed) throws Exception {
        // With a duplicate every 100 trades, of one 150 s earlier: after a restart, the ids accepted before it must be known.
        List<Trade> trades = GeneratedTrades.withDuplicates(GeneratedTrades.generate(seed, TRADES), 100, 1_000);
        String unbrokenId = name + "-unbroken";
        String crashedId = name + "-crashed";
        cluster.publish(unbrokenId, trades);
        cluster.publish(crashedId, trades);

        // Kill points: random numbers of committed trades, spread over the replay and strictly inside it.
        Random random = new Random(seed);
        long[] killAt = IntStream.range(0, kills).mapToLong(i -> (long) (TRADES * (0.02 + 0.93 * random.nextDouble()))).sorted().toArray();
        // One restart on an empty state directory: everything restored from the changelogs.
        int emptyStateRestart = kills / 2;

        try (ChildJvm unbroken = cluster.startApp(unbrokenId, cluster.dir().resolve(unbrokenId + "-state"));
             Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            Path stateDir = cluster.dir().resolve(crashedId + "-state");
            for (int k = 0; k < kills; k++) {
                if (k == emptyStateRestart) {
                    stateDir = cluster.dir().resolve(crashedId + "-state-empty");
                }
                long at = killAt[k];
                // Closing kills it also when the test fails.
                try (ChildJvm app = cluster.startApp(crashedId, stateDir)) {
                    long started = System.nanoTime();
                    await("kill point " + k + " at " + at + " committed trades").atMost(Duration.ofMinutes(3))
                            .pollInterval(Duration.ofMillis(100))
                            .failFast("the application exited", () -> !app.isAlive())
                            .until(() -> FinalOutputs.committed(admin, crashedId, trades(crashedId)) >= at);
                    app.kill();
                    long committed = FinalOutputs.committed(admin, crashedId, trades(crashedId));
                    System.out.printf("kill %d at %d committed trades (point %d) after %d ms; unbroken at %d%n", k, committed, at,
                            (System.nanoTime() - started) / 1_000_000, FinalOutputs.committed(admin, unbrokenId, trades(unbrokenId)));
                    assertThat(committed).as("killed before the end").isLessThan(TRADES);
                }
            }
            try (ChildJvm last = cluster.startApp(crashedId, stateDir)) {
                FinalOutputs.awaitSettled(cluster.bootstrapServers(), unbrokenId, FaultCluster.topics(unbrokenId), Duration.ofMinutes(10));
                FinalOutputs.awaitSettled(cluster.bootstrapServers(), crashedId, FaultCluster.topics(crashedId), Duration.ofMinutes(10));
                FinalOutputs expected = FinalOutputs.read(cluster.bootstrapServers(), cluster.registryUrl(), FaultCluster.topics(unbrokenId));
                FinalOutputs actual = FinalOutputs.read(cluster.bootstrapServers(), cluster.registryUrl(), FaultCluster.topics(crashedId));
                assertThat(expected.assetMetrics()).hasSize(6);
                assertThat(expected.marketMetrics()).hasSize(18);
                // 200 000 trades 150 ms apart: 8 h 20 min, so at least 8 final hourly candles per asset and market.
                assertThat(expected.candles()).hasSizeGreaterThan(24 * 8);
                assertThat(actual.assetMetrics()).isEqualTo(expected.assetMetrics());
                assertThat(actual.marketMetrics()).isEqualTo(expected.marketMetrics());
                assertThat(actual.candles()).isEqualTo(expected.candles());
                assertThat(last.isAlive()).as("the application kept running: " + last.output()).isTrue();
                assertThat(unbroken.isAlive()).as("the unbroken application kept running: " + unbroken.output()).isTrue();
            }
        }
    }

    private static String trades(String id) {
        return FaultCluster.topics(id).trades();
    }
}
