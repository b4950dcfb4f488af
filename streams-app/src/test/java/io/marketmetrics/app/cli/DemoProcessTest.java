package io.marketmetrics.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.app.testing.FreePorts;
import io.marketmetrics.app.testing.Http;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code demo} command as a user runs it: its own process, real ports, stopped with SIGTERM. */
class DemoProcessTest {

    @TempDir
    Path dir;

    @Test
    void servesHealthAndSimulatedMetricsThenExitsZeroOnSigterm() throws Exception {
        int httpPort = FreePorts.next();
        Path output = dir.resolve("demo.out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process demo = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                StreamsAppCommand.class.getName(), "demo", "--data-dir", dir.resolve("data").toString(),
                "--kafka-port", String.valueOf(FreePorts.next()), "--registry-port", String.valueOf(FreePorts.next()),
                "--http-port", String.valueOf(httpPort), "--status-interval", "2"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + httpPort;
            // A user sees figures within a minute on an idle laptop; the bound here is a generous time-out
            // for a loaded build machine, not a speed requirement.
            try {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                        Http.get(base + "/health").status() == 200
                                && Http.get(base + "/api/v1/assets/BTC").json().get("priceUsd").asDouble() > 0
                                // BTC trades on every venue: more than one market once a few trades are in.
                                && Http.get(base + "/api/v1/assets/BTC/markets").json().size() > 1);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("demo not serving BTC in time; its output:\n" + Files.readString(output), e);
            }

            demo.destroy(); // SIGTERM
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("demo stopped after SIGTERM").isTrue();
            assertThat(demo.exitValue()).as(Files.readString(output)).isZero();
            assertThat(Files.readString(output)).contains("Stopped.").contains("trades in");
        } finally {
            demo.destroyForcibly();
        }
    }
}
