package io.marketmetrics.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.marketmetrics.app.metrics.MetricsOptions;
import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.runtime.ShutdownSignal;
import io.marketmetrics.app.runtime.StandardTopology;
import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.cli.UserError;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the metrics application alone, one instance of many, against an existing cluster. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the metrics application against an existing Kafka cluster and schema registry.",
            "Creates missing topics, checks existing ones, serves the HTTP API, and stops cleanly on Ctrl-C or SIGTERM."})
final class RunCommand implements Callable<Integer> {

    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry", paramLabel = "URL", defaultValue = "http://localhost:8081",
            description = "Confluent-compatible schema registry URL (default: ${DEFAULT-VALUE}).")
    String schemaRegistry;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "market-metrics",
            description = "Kafka Streams application id; instances with equal ids share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the HTTP API binds to; 0.0.0.0 to serve other machines (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--application-server", paramLabel = "HOST:PORT",
            description = "How other instances reach this one's HTTP API (default: the HTTP host and port).")
    String applicationServer;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "mm-data/streams",
            description = "Directory of the local state stores, kept across restarts (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Prefix of every topic name, to share a cluster (default: none).")
    String topicPrefix;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + TopicLayout.DEFAULT_PARTITIONS,
            description = "Partitions of topics created because missing (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--streams-config", paramLabel = "KEY=VALUE", split = ",",
            description = "Kafka Streams or client settings that override the application's (repeatable, or comma-separated).")
    Map<String, String> streamsConfig = new LinkedHashMap<>();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        AppSettings settings = settings();
        ShutdownSignal signal = ShutdownSignal.install();
        try (MetricsService service = MetricsService.start(settings, StandardTopology.of(settings), metrics.settings())) {
            System.out.printf("market-metrics running: HTTP API on http://%s:%d (advertised as %s:%d); Ctrl-C to stop%n",
                    httpHost, service.httpPort(), service.advertised().host(), service.advertised().port());
            while (!signal.await(WATCH_INTERVAL)) {
                if (service.failed()) {
                    throw new UserError("the metrics application stopped after repeated errors (see the log)");
                }
            }
            System.out.println("Stopping...");
        }
        return 0;
    }

    AppSettings settings() {
        if (partitions < 1) {
            throw UserError.usage("--partitions must be >= 1, got " + partitions);
        }
        return new AppSettings(bootstrapServers, schemaRegistry, applicationId, stateDir, httpHost, httpPort,
                applicationServer == null ? null : hostInfo(applicationServer), new TopicNames(topicPrefix), partitions,
                streamsConfig);
    }

    private static HostInfo hostInfo(String value) {
        try {
            return HostInfo.buildFromEndpoint(value);
        } catch (RuntimeException e) {
            throw UserError.usage("--application-server must be HOST:PORT, got '" + value + "'");
        }
    }
}
