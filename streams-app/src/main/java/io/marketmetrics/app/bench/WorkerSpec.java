package io.marketmetrics.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark worker process runs: which application, against which cluster, topics and state
 * directory, and whether it drains the pre-loaded input and stops ({@code serve} false) or serves live
 * input until told to stop. Travels to the child JVM as {@code key=value} arguments.
 *
 * @param app            the passthrough baseline or the metrics pipeline
 * @param windowMinutes  the pipeline's rolling window (METRICS.md's 24 h window), in minute buckets
 * @param sparklineHours the pipeline's longest window (the sparkline), in hour buckets
 * @param overrides      Kafka Streams settings over the pipeline's own, as {@code run --streams-config} takes them
 */
record WorkerSpec(App app, String bootstrapServers, String registryUrl, String topicPrefix, String applicationId,
                  Path stateDir, int partitions, int windowMinutes, int sparklineHours, boolean serve,
                  Map<String, String> overrides) {

    private static final String OVERRIDE = "override.";

    WorkerSpec {
        overrides = Map.copyOf(overrides);
    }

    enum App { PASSTHROUGH, PIPELINE }

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        args.add("app=" + app);
        args.add("bootstrap=" + bootstrapServers);
        args.add("registry=" + registryUrl);
        args.add("prefix=" + topicPrefix);
        args.add("id=" + applicationId);
        args.add("state=" + stateDir.toAbsolutePath());
        args.add("partitions=" + partitions);
        args.add("window=" + windowMinutes);
        args.add("sparkline=" + sparklineHours);
        args.add("serve=" + serve);
        overrides.forEach((k, v) -> args.add(OVERRIDE + k + "=" + v));
        return args;
    }

    static WorkerSpec parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        Map<String, String> overrides = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            String key = arg.substring(0, eq);
            (key.startsWith(OVERRIDE) ? overrides : m).put(key.replaceFirst("^" + OVERRIDE, ""), arg.substring(eq + 1));
        }
        return new WorkerSpec(App.valueOf(m.get("app")), m.get("bootstrap"), m.get("registry"), m.get("prefix"),
                m.get("id"), Path.of(m.get("state")), Integer.parseInt(m.get("partitions")),
                Integer.parseInt(m.get("window")), Integer.parseInt(m.get("sparkline")), Boolean.parseBoolean(m.get("serve")),
                overrides);
    }
}
