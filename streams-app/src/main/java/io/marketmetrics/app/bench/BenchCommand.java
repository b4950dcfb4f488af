package io.marketmetrics.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.marketmetrics.cli.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: the pipeline's throughput, latency, window cost and state at scale, on an embedded broker. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark the metrics pipeline on an embedded broker and schema registry (docs/PERFORMANCE.md): "
                + "throughput against an exactly-once passthrough over the same pre-loaded trades, a window-length sweep, "
                + "trade-to-metric latency at fixed input rates, and 10,000 assets x 5 venues of state with restart and "
                + "restore times. Each measured application runs in a JVM of its own. Prints a table; --output writes JSON.",
            "Run it alone on the machine: other load changes every figure."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--trades", paramLabel = "N", defaultValue = "2000000",
            description = "Trades pre-loaded for each throughput run (default: ${DEFAULT-VALUE}).")
    long trades;

    @Option(names = "--event-span", paramLabel = "DURATION", defaultValue = "P1D",
            description = "Event time the throughput trades spread over, ISO-8601 (default: ${DEFAULT-VALUE}, a day of trading).")
    Duration eventSpan;

    @Option(names = "--live-rate", paramLabel = "TRADES/S", defaultValue = "10000",
            description = "The same number of trades again, their event time as dense as a live feed at this rate gives:"
                    + " the passthrough and the pipeline drained over both inputs (default: ${DEFAULT-VALUE}, the latency"
                    + " target's rate; 0 for the day's input alone).")
    int liveRate;

    @Option(names = "--sweep-trades", paramLabel = "N", defaultValue = "500000",
            description = "Trades pre-loaded for each point of the window sweep (default: ${DEFAULT-VALUE}).")
    long sweepTrades;

    @Option(names = "--sweep-span", paramLabel = "DURATION", defaultValue = "P8D",
            description = "Event time the sweep's trades spread over; longer than 7 days so that every window fills and "
                    + "expires (default: ${DEFAULT-VALUE}).")
    Duration sweepSpan;

    @Option(names = "--rates", paramLabel = "TRADES/S", split = ",", defaultValue = "1000,10000",
            description = "Input rates of the latency runs (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(names = "--latency-warmup", paramLabel = "DURATION", defaultValue = "PT60S",
            description = "The start of each latency run left out of the figures, ISO-8601: long enough for the "
                    + "application's JIT compilation to settle (default: ${DEFAULT-VALUE}).")
    Duration latencyWarmup;

    @Option(names = "--scale-trades", paramLabel = "N", defaultValue = "500000",
            description = "Trades of the scale run, spread evenly over its 10,000 assets x 5 venues (default: ${DEFAULT-VALUE}).")
    long scaleTrades;

    @Option(names = "--quick", description = "Every step at toy sizes, in about a minute: proves the command works.")
    boolean quick;

    @Option(names = "--only", paramLabel = "SECTION", split = ",",
            description = "Run only these sections: ${COMPLETION-CANDIDATES} (default: all).")
    Set<Bench.Section> only;

    @Option(names = "--streams-config", paramLabel = "KEY=VALUE", split = ",",
            description = "Kafka Streams settings over the applications' own, as for run (e.g. commit.interval.ms=200); "
                    + "applied to the passthrough too.")
    Map<String, String> streamsConfig = new LinkedHashMap<>();

    @Option(names = "--output", paramLabel = "FILE", description = "Write the results as JSON to FILE.")
    Path output;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the broker's data and the state stores go (default: a temporary directory, deleted after).")
    Path workDir;

    @Option(names = "--worker-heap", paramLabel = "SIZE", defaultValue = "460m",
            description = "Maximum heap (-Xmx) of each measured application's JVM (default: ${DEFAULT-VALUE}, what the"
                    + " Docker image gives the heap in a 1 GiB container).")
    String workerHeap;

    @Option(names = "--worker-jvm-option", paramLabel = "OPTION",
            description = "A further option of each measured application's JVM, the passthrough's too (repeatable; e.g."
                    + " --worker-jvm-option=-XX:+UseSerialGC).")
    List<String> workerJvm = new ArrayList<>();

    @Option(names = "--jfr", paramLabel = "DIR",
            description = "Record each measured application with Java Flight Recorder (profile settings) into DIR/NAME.jfr.")
    Path jfrDir;

    @Override
    public Integer call() throws Exception {
        if (trades < 1 || sweepTrades < 1 || scaleTrades < 1 || rates.stream().anyMatch(r -> r < 1) || eventSpan.isNegative()
                || eventSpan.isZero() || sweepSpan.isNegative() || sweepSpan.isZero() || latencyWarmup.isNegative() || liveRate < 0) {
            throw UserError.usage("--trades, --sweep-trades, --scale-trades, --rates, --event-span and --sweep-span must be positive,"
                    + " --latency-warmup and --live-rate not negative");
        }
        BenchPlan plan = quick ? BenchPlan.quick(workerHeap, workerJvm) : BenchPlan.full(trades, eventSpan, liveRate, sweepTrades,
                sweepSpan, rates, latencyWarmup, scaleTrades, workerHeap, workerJvm);
        Set<Bench.Section> sections = only == null || only.isEmpty() ? EnumSet.allOf(Bench.Section.class) : only;
        boolean temporary = workDir == null;
        Path dir = temporary ? Files.createTempDirectory("mm-bench") : Files.createDirectories(workDir);
        if (jfrDir != null) {
            Files.createDirectories(jfrDir);
        }
        try {
            BenchReport report = new Bench(plan, sections, streamsConfig, dir, jfrDir, System.out).run();
            report.print(System.out);
            if (output != null) {
                report.writeJson(output);
                System.out.println("Results written to " + output);
            }
        } finally {
            if (temporary) {
                Bench.deleteRecursively(dir);
            }
        }
        return 0;
    }
}
