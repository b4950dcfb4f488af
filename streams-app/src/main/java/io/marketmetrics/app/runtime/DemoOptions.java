package io.marketmetrics.app.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.marketmetrics.app.metrics.MetricsSettings;

/**
 * How the demo runs.
 *
 * @param referenceFile reference data to publish; null for the bundled config/reference.yaml
 * @param tradesPerSecond the simulator's mean rate; 0 runs no simulator
 * @param replayFiles trade files replayed at full speed, beside or instead of the simulator
 * @param metrics what the application's /metrics watches
 */
public record DemoOptions(Path dataDir, int kafkaPort, int registryPort, int httpPort, int partitions,
        Path referenceFile, double tradesPerSecond, List<Path> replayFiles, MetricsSettings metrics) {

    public DemoOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(metrics, "metrics");
        replayFiles = List.copyOf(replayFiles);
    }
}
