package io.marketmetrics.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.app.runtime.AppTopology;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.MetricsTopology;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TopologyStreamsConfig;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One measured application in a process of its own (started by {@link WorkerProcess}), so that its CPU
 * time, heap and resident memory are its own and not the broker's. It starts the application, waits for
 * RUNNING, then either drains the pre-loaded input or serves until its standard input says {@code stop},
 * closes it cleanly and prints one {@link #RESULT} line of JSON.
 */
public final class BenchWorker {

    static final String READY = "BENCH-READY";
    static final String RESULT = "BENCH-RESULT ";
    static final String STOP = "stop";
    private static final long POLL_MS = 50;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private BenchWorker() {
    }

    public static void main(String[] args) throws Exception {
        // Without its benchmark (killed, or its broker gone) a worker would wait or spin for nothing, spoiling
        // whatever runs next on the machine: it ends with its parent.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
        WorkerSpec spec = WorkerSpec.parse(args);
        WorkerResult result;
        try (ResourceSampler sampler = new ResourceSampler()) {
            result = run(spec, sampler);
        }
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }

    private static WorkerResult run(WorkerSpec spec, ResourceSampler sampler) throws Exception {
        TopicNames topics = new TopicNames(spec.topicPrefix());
        try (InputProgress progress = new InputProgress(spec.bootstrapServers(), spec.applicationId(), topics.trades())) {
            // The input to drain, counted before the application starts: it commits its first records within
            // milliseconds of RUNNING.
            Map<TopicPartition, Long> ends = progress.ends();
            long records = spec.serve() ? 0 : progress.behind(ends);
            long start = System.currentTimeMillis();
            try (RunningApp app = spec.app() == WorkerSpec.App.PASSTHROUGH ? passthrough(spec, topics) : pipeline(spec, topics)) {
                return measure(spec, app, progress, ends, records, start, sampler);
            }
        }
    }

    private static WorkerResult measure(WorkerSpec spec, RunningApp app, InputProgress progress,
                                        Map<TopicPartition, Long> ends, long records, long start,
                                        ResourceSampler sampler) throws Exception {
        while (app.streams().state() != KafkaStreams.State.RUNNING) {
            if (app.streams().state().hasCompletedShutdown() || app.streams().state() == KafkaStreams.State.PENDING_ERROR) {
                throw new IllegalStateException("the application stopped before running: " + app.streams().state());
            }
            Thread.sleep(POLL_MS / 5);
        }
        long running = System.currentTimeMillis();
        Map<String, Long> restored = app.restoredByStore();
        long startToRunning = running - start;
        long jvmToRunning = running - ManagementFactory.getRuntimeMXBean().getStartTime();
        double cpuBefore = ResourceSampler.cpuSeconds();
        double streamCpuBefore = ResourceSampler.streamThreadCpuSeconds();
        double jitBefore = ResourceSampler.jitSeconds();
        KafkaTotals kafkaBefore = KafkaTotals.of(app.streams());
        long halfway = 0;
        if (spec.serve()) {
            System.out.println(READY);
            System.out.flush();
            awaitStop();
        } else {
            long behind;
            while ((behind = progress.behind(ends)) > 0) {
                if (halfway == 0 && behind <= records - records / 2) {
                    halfway = System.currentTimeMillis();
                }
                if (app.streams().state() != KafkaStreams.State.RUNNING && app.streams().state() != KafkaStreams.State.REBALANCING) {
                    throw new IllegalStateException("the application stopped while draining: " + app.streams().state());
                }
                Thread.sleep(POLL_MS);
            }
        }
        long end = System.currentTimeMillis();
        long drainMs = end - running;
        long secondHalfMs = spec.serve() ? 0 : end - (halfway == 0 ? running : halfway);
        double cpu = ResourceSampler.cpuSeconds() - cpuBefore;
        double streamCpu = ResourceSampler.streamThreadCpuSeconds() - streamCpuBefore;
        double jit = ResourceSampler.jitSeconds() - jitBefore;
        KafkaTotals kafka = KafkaTotals.of(app.streams()).minus(kafkaBefore);
        app.close();
        return new WorkerResult(startToRunning, jvmToRunning, records, spec.serve() ? 0 : drainMs, secondHalfMs, cpu, streamCpu, jit,
                kafka, sampler.peakHeapBytes(), ResourceSampler.peakRssBytes(), sizeOf(spec.stateDir()), restored);
    }

    /** A started application and how to stop it. */
    private interface RunningApp extends AutoCloseable {
        KafkaStreams streams();

        /** Changelog records replayed into each store so far. */
        Map<String, Long> restoredByStore();

        @Override
        void close();
    }

    private static RunningApp passthrough(WorkerSpec spec, TopicNames topics) {
        KafkaStreams streams = new KafkaStreams(Passthrough.topology(topics), Passthrough.properties(spec));
        streams.start();
        return new RunningApp() {
            private boolean closed;

            @Override
            public KafkaStreams streams() {
                return streams;
            }

            @Override
            public Map<String, Long> restoredByStore() {
                return Map.of(); // no stores
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    streams.close(CLOSE_TIMEOUT);
                }
            }
        };
    }

    /** The metrics application exactly as {@code run} starts it (HTTP API and meters included), with the spec's windows. */
    private static RunningApp pipeline(WorkerSpec spec, TopicNames topics) {
        MetricsConfig config = BenchWindows.apply(MetricsConfig.defaults(topics,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, spec.registryUrl())), spec.windowMinutes(), spec.sparklineHours());
        AppSettings settings = new AppSettings(spec.bootstrapServers(), spec.registryUrl(), spec.applicationId(),
                spec.stateDir(), "127.0.0.1", 0, null, topics, spec.partitions(), spec.overrides());
        MetricsService service = MetricsService.start(settings, new AppTopology(MetricsTopology.build(config),
                TopologyStreamsConfig.properties(config), StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS));
        return new RunningApp() {
            @Override
            public KafkaStreams streams() {
                return service.streams();
            }

            @Override
            public Map<String, Long> restoredByStore() {
                return service.restores().restoredByStore();
            }

            @Override
            public void close() {
                service.close();
            }
        };
    }

    private static void awaitStop() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        do {
            line = in.readLine();
        } while (line != null && !STOP.equals(line.strip()));
    }

    private static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // deleted while walking (a lock file)
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
