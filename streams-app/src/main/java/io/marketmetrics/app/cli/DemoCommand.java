package io.marketmetrics.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.marketmetrics.app.metrics.MetricsOptions;
import io.marketmetrics.app.runtime.DemoOptions;
import io.marketmetrics.app.runtime.DemoStack;
import io.marketmetrics.app.runtime.ShutdownSignal;
import io.marketmetrics.app.runtime.StreamsStatus;
import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.cli.UserError;
import io.marketmetrics.producers.simulate.SimulatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: the whole system in one process, on 127.0.0.1. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole system in one process: a Kafka broker (KRaft), the schema registry, the reference "
                + "data of config/, the trade simulator, the metrics application and its HTTP API, all on 127.0.0.1.",
            "Data stays under --data-dir, so a restart resumes where it stopped. Ctrl-C stops everything cleanly."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--replay", paramLabel = "FILE", arity = "1..*",
            description = "Trade files to replay at full speed, beside the simulator (or instead, with --no-simulator).")
    List<Path> replay = new ArrayList<>();

    @Option(names = "--no-simulator", description = "Do not run the simulator.")
    boolean noSimulator;

    @Option(names = "--rate", paramLabel = "TRADES/S", defaultValue = "" + SimulatorOptions.DEFAULT_RATE,
            description = "Mean simulated trades per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "mm-data",
            description = "Where the broker's logs and the state stores live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the Kafka broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Port of the schema registry (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + TopicLayout.DEFAULT_PARTITIONS,
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Reference data to publish (default: the bundled config/reference.yaml).")
    Path reference;

    @Option(names = "--status-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds between status lines (default: ${DEFAULT-VALUE}).")
    int statusInterval;

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        DemoOptions options = options();
        ShutdownSignal signal = ShutdownSignal.install();
        System.out.println("Starting the market-metrics demo (data in " + options.dataDir().toAbsolutePath() + ")...");
        try (DemoStack stack = DemoStack.start(options)) {
            printWhereToLook(stack);
            StreamsStatus status = new StreamsStatus(stack.service().streams(), stack.topics());
            while (!signal.await(Duration.ofSeconds(statusInterval))) {
                System.out.println(status.line());
            }
            System.out.println("Stopping: feeds, metrics application, registry, broker...");
        }
        System.out.println("Stopped.");
        return 0;
    }

    DemoOptions options() {
        if (noSimulator && replay.isEmpty()) {
            System.err.println("warning: --no-simulator without --replay: no trades will flow");
        }
        if (partitions < 1 || statusInterval < 1 || !(rate > 0)) {
            throw UserError.usage("--partitions, --status-interval and --rate must be positive");
        }
        return new DemoOptions(dataDir, kafkaPort, registryPort, httpPort, partitions, reference,
                noSimulator ? 0 : rate, replay, metrics.settings());
    }

    private static void printWhereToLook(DemoStack stack) {
        String http = stack.httpUrl();
        System.out.println();
        System.out.println("market-metrics demo is up:");
        System.out.println("  Kafka            " + stack.bootstrapServers());
        System.out.println("  Schema registry  " + stack.registryUrl() + "/subjects");
        System.out.println("  Health           " + http + "/health");
        System.out.println("  An asset         " + http + "/api/v1/assets/BTC");
        System.out.println("  Its markets      " + http + "/api/v1/assets/BTC/markets");
        stack.feeds().forEach(feed -> System.out.println("  Feed             " + feed.describe()));
        System.out.println("Ctrl-C to stop. Status every few seconds:");
    }
}
