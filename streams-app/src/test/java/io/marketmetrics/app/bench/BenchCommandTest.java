package io.marketmetrics.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketmetrics.app.cli.StreamsAppCommand;
import io.marketmetrics.cli.CliLauncher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench --quick} runs every section end to end (broker, registry, worker JVMs) and reports each one.
 * Proves the command works; asserts no timing (the figures of a toy run on a shared machine mean nothing).
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    /** The default run's proof: the throughput section (four of the eleven application runs) end to end. */
    @Test
    void quickThroughputRunDrainsEveryTrade() throws Exception {
        JsonNode report = bench("--only", "THROUGHPUT", "--worker-jvm-option=-XX:+UseSerialGC");
        assertThat(report.path("throughput").findValuesAsText("name")).containsExactly("passthrough", "pipeline",
                "passthrough-live", "pipeline-live");
        assertThat(report.path("plan").path("workerJvm").get(0).asText()).isEqualTo("-XX:+UseSerialGC");
        assertThat(report.path("throughput").findValues("records").stream().map(JsonNode::asLong).toList())
                .containsExactly(10_000L, 10_000L, 10_000L, 10_000L);
        assertThat(report.path("pipelineToPassthrough").isNumber()).isTrue();
        assertThat(report.path("livePipelineToPassthrough").isNumber()).isTrue();
        // Both applications commit transactions while draining: the waits are read from their metrics.
        List<JsonNode> kafka = report.path("throughput").findValues("kafka");
        assertThat(kafka).hasSize(4);
        for (JsonNode totals : kafka) {
            assertThat(totals.path("blockedSeconds").asDouble()).isPositive();
            assertThat(totals.path("transactionSeconds").asDouble()).isPositive();
        }
        // The passthrough writes one record per trade (the first few may precede the count's start).
        assertThat(kafka.get(0).path("recordsSent").asLong()).isPositive().isLessThanOrEqualTo(10_000L);
        assertThat(kafka.get(1).path("recordsSent").asLong()).isPositive();
        // By topic they add up to the same totals.
        for (JsonNode totals : kafka) {
            long byTopic = 0;
            for (JsonNode sent : totals.path("sentByTopic")) {
                byTopic += sent.asLong();
            }
            assertThat(byTopic).isEqualTo(totals.path("recordsSent").asLong());
        }
        // The pipeline's include its candles, and the dedupe store's changelog with a batch per commit, not a record per trade.
        assertThat(kafka.get(1).path("sentByTopic").fieldNames()).toIterable().anyMatch(topic -> topic.endsWith("candles-1m"));
        assertThat(sentTo(kafka.get(1), "accepted-trade-ids-store-changelog")).isPositive().isLessThan(10_000L / 4);
        // The live input is the same trades in a second of event time instead of an hour: each of the 80 subjects closes
        // at most the one or two minutes that second touches, against most of the hour's 60.
        assertThat(sentTo(kafka.get(3), "candles-1m")).isLessThan(sentTo(kafka.get(1), "candles-1m") / 10);
    }

    /** Records sent to the one topic whose name ends with {@code suffix}: 0 when none was. */
    private static long sentTo(JsonNode totals, String suffix) {
        List<String> topics = new ArrayList<>();
        totals.path("sentByTopic").fieldNames().forEachRemaining(topics::add);
        return topics.stream().filter(t -> t.endsWith(suffix)).findFirst()
                .map(topic -> totals.path("sentByTopic").path(topic).asLong()).orElse(0L);
    }

    // Eleven application runs of about 10 s to RUNNING each: three to four minutes, too long for the default run.
    @Test
    @Tag("long")
    void quickRunReportsEverySection() throws Exception {
        JsonNode report = bench();
        assertThat(report.path("throughput").findValuesAsText("name")).containsExactly("passthrough", "pipeline",
                "passthrough-live", "pipeline-live", "sweep-1h", "sweep-24h", "sweep-7d");
        // The quick plan's 10,000 throughput trades (twice) and 2,000 per sweep point, every one of them drained.
        assertThat(report.path("throughput").findValues("records").stream().map(JsonNode::asLong).toList())
                .containsExactly(10_000L, 10_000L, 10_000L, 10_000L, 2_000L, 2_000L, 2_000L);
        assertThat(report.path("pipelineToPassthrough").isNumber()).isTrue();
        assertThat(report.path("window7dTo1h").isNumber()).isTrue();
        JsonNode latency = report.path("latency").get(0);
        assertThat(latency.path("rateAsked").asInt()).isEqualTo(200);
        assertThat(latency.path("latencies").path("trades").asLong()).isPositive();
        JsonNode scale = report.path("scale");
        // 200 assets on 3 venues each quoting one currency: 600 markets. 3,000 trades spread evenly over the assets
        // give each asset 15, split by venue shares 1 : 1/2 : 1/3 (6/11, 3/11, 2/11): a market gets none with
        // probability e^(-15 share), so about 200 (e^-8.2 + e^-4.1 + e^-2.7) = 17 markets stay without state.
        assertThat(scale.path("markets").asInt()).isBetween(560, 600);
        assertThat(scale.path("first").path("stateDirBytes").asLong()).isPositive();
        assertThat(scale.path("restart").path("records").asLong()).isZero();
        assertThat(scale.path("restore").path("startToRunningMs").asLong()).isPositive();
    }

    private JsonNode bench(String... extra) throws Exception {
        Path json = dir.resolve("bench.json");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new StreamsAppCommand()).setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(List.of("bench", "--quick", "--work-dir", dir.resolve("work").toString(),
                "--output", json.toString()));
        args.addAll(List.of(extra));
        int code = CliLauncher.execute(cl, args.toArray(String[]::new), Map.of());
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(json.toFile());
    }
}
