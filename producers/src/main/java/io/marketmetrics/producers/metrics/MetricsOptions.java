package io.marketmetrics.producers.metrics;

import picocli.CommandLine.Option;

/** The {@code --metrics-port} and {@code --metrics-host} options of every long-running producers command. */
public final class MetricsOptions {

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics on http://HOST:PORT/metrics (default: no metrics endpoint). "
                    + "Env: MM_METRICS_PORT.")
    Integer port;

    @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the metrics endpoint binds to; 0.0.0.0 for a scraper on another machine "
                    + "(default: ${DEFAULT-VALUE}). Env: MM_METRICS_HOST.")
    String host;

    /** The endpoint these options ask for, started; null when no port is set. */
    public MetricsEndpoint start() {
        return port == null ? null : MetricsEndpoint.start(host, port);
    }
}
