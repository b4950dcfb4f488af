package io.marketmetrics.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.TradeSink;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.producers.simulate.SimulatedMarkets;
import io.marketmetrics.producers.simulate.Simulator;
import io.marketmetrics.producers.simulate.SimulatorOptions;
import io.marketmetrics.topics.TopicNames;

/**
 * One benchmark run (issue "Performance"): on one embedded broker, the passthrough and the pipeline over the
 * same pre-loaded trades, the pipeline with a 1 h, 24 h and 7 d window over a longer span of event time, trade-to-metric latency at fixed
 * input rates, and a large state with its restart and restore times. Each measured application runs in a
 * JVM of its own ({@link WorkerProcess}); the broker, registry and trade generator run in this one.
 */
final class Bench {

    /** The parts of a run, each selectable on its own. */
    enum Section { THROUGHPUT, WINDOWS, LATENCY, SCALE }

    private static final long LATENCY_SEED = 7L;
    private static final int PRIME_ROUNDS = 60;
    private static final Duration COVERAGE_WAIT = Duration.ofSeconds(15);
    private static final Duration SCALE_SPAN = Duration.ofHours(1);

    private final BenchPlan plan;
    private final Set<Section> sections;
    private final Map<String, String> overrides;
    private final Path workDir;
    private final Path jfrDir;
    private final PrintStream progress;
    private final BenchReport report;
    private BenchCluster cluster;

    Bench(BenchPlan plan, Set<Section> sections, Map<String, String> overrides, Path workDir, Path jfrDir, PrintStream progress) {
        this.plan = plan;
        this.overrides = overrides;
        this.sections = sections;
        this.workDir = workDir;
        this.jfrDir = jfrDir;
        this.progress = progress;
        this.report = new BenchReport(plan, overrides);
    }

    BenchReport run() throws Exception {
        double loadAtStart = loadAverage();
        try (BenchCluster c = BenchCluster.start(workDir.resolve("broker"), TopicLayout.DEFAULT_PARTITIONS)) {
            cluster = c;
            SimulatedMarkets markets = BenchMarkets.of(plan.assets(), plan.venues(), plan.hotShare());
            if (sections.contains(Section.THROUGHPUT)) {
                throughput("", "tp-24h-", markets, plan.eventSpan());
                if (plan.liveRate() > 0) {
                    throughput(BenchReport.LIVE, "tp-live-", markets, plan.liveSpan());
                }
            }
            if (sections.contains(Section.WINDOWS)) {
                sweep("1h", 60, 2, markets);
                sweep("24h", 1440, 168, markets);
                sweep("7d", 7 * 1440, 7 * 24 + 1, markets);
            }
            if (sections.contains(Section.LATENCY)) {
                for (int rate : plan.latencyRates()) {
                    latency(rate, markets);
                }
            }
            if (sections.contains(Section.SCALE)) {
                scale();
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.machine(new BenchReport.Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), loadAtStart, loadAverage()));
        return report;
    }

    /** The passthrough, then the pipeline, over the throughput trades spread over {@code span} of event time. */
    private void throughput(String suffix, String topicPrefix, SimulatedMarkets markets, Duration span) {
        TopicNames topics = load(topicPrefix, markets, plan.trades(), span);
        String passthrough = "passthrough" + suffix;
        String pipeline = "pipeline" + suffix;
        report.run(drain(passthrough, "-", spec(WorkerSpec.App.PASSTHROUGH, topics, passthrough, 1440, 168, false)));
        report.run(drain(pipeline, "24h", spec(WorkerSpec.App.PIPELINE, topics, pipeline, 1440, 168, false)));
    }

    /** One point of the window sweep: the window and the sparkline at least as long as {@code label}, on the sweep's input. */
    private void sweep(String label, int windowMinutes, int sparklineHours, SimulatedMarkets markets) {
        String name = "sweep-" + label;
        TopicNames topics = load(name + "-", markets, plan.sweepTrades(), plan.sweepSpan());
        report.run(drain(name, label, spec(WorkerSpec.App.PIPELINE, topics, name, windowMinutes, sparklineHours, false)));
    }

    private TopicNames load(String prefix, SimulatedMarkets markets, long trades, Duration span) {
        TopicNames topics = cluster.topics(prefix);
        progress.printf("loading %,d trades over %s of event time into %s ...%n", trades, span, topics.trades());
        TradeLoader.Loaded loaded = TradeLoader.load(cluster, topics, markets, trades, span);
        progress.printf("  loaded %,d trades of %,d markets in %.1f s%n", loaded.trades(), loaded.markets(), loaded.seconds());
        return topics;
    }

    /** Drains the input with one application; also takes this JVM's CPU time meanwhile (the broker's, mostly). */
    private BenchReport.Run drain(String name, String longestWindow, WorkerSpec spec) {
        progress.printf("running %s ...%n", name);
        double benchCpuBefore = ResourceSampler.cpuSeconds();
        try (WorkerProcess worker = WorkerProcess.start(name, spec, plan.workerHeap(), plan.workerJvm(), jfrDir)) {
            WorkerResult result = worker.result();
            double benchCpu = ResourceSampler.cpuSeconds() - benchCpuBefore;
            progress.printf("  %,d records in %.1f s: %,.0f/s (second half %,.0f/s)%n", result.records(),
                    result.drainMs() / 1000.0, result.recordsPerSecond(), result.secondHalfRecordsPerSecond());
            return new BenchReport.Run(name, longestWindow, result, benchCpu);
        }
    }

    private void latency(int rate, SimulatedMarkets markets) throws InterruptedException {
        TopicNames topics = cluster.topics("lat-" + rate + "-");
        String name = "latency-" + rate;
        progress.printf("running %s: %d trades/s for %d s ...%n", name, rate,
                plan.latencyWarmup().plus(plan.latencyMeasure()).toSeconds());
        try (WorkerProcess worker = WorkerProcess.start(name, spec(WorkerSpec.App.PIPELINE, topics, name, 1440, 168, true),
                plan.workerHeap(), plan.workerJvm(), jfrDir)) {
            worker.awaitReady();
            List<Latencies.Sent> sent = new ArrayList<>();
            long total = rate * plan.latencyWarmup().plus(plan.latencyMeasure()).toSeconds();
            Latencies latencies;
            double achieved;
            try (OutputWatcher watcher = new OutputWatcher(cluster.bootstrapServers(), topics.assetMetrics());
                 TradePublisher publisher = new TradePublisher(new PublishTarget(cluster.bootstrapServers(),
                         cluster.registryUrl(), topics, PublishTarget.DEFAULT_TIMEOUT, Map.of()))) {
                // Until figures come out, the first trades also wait for internal topics to be created and the
                // registry to be asked: not the steady state. One second of trades at a time until then.
                for (int round = 0; round < PRIME_ROUNDS && watcher.seen().isEmpty(); round++) {
                    paced(markets, rate, rate, LATENCY_SEED + 1 + round, publisher, trade -> { });
                }
                long started = System.currentTimeMillis();
                paced(markets, rate, total, LATENCY_SEED, publisher, trade -> sent.add(new Latencies.Sent(trade.getBase(),
                        trade.getEventTime().toEpochMilli(), System.currentTimeMillis())));
                achieved = total * 1000.0 / (System.currentTimeMillis() - started);
                long measureFrom = started + plan.latencyWarmup().toMillis();
                long deadline = System.currentTimeMillis() + COVERAGE_WAIT.toMillis();
                latencies = Latencies.of(sent, watcher.seen(), measureFrom);
                while (latencies.uncovered() > 0 && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                    latencies = Latencies.of(sent, watcher.seen(), measureFrom);
                }
            }
            worker.stop();
            WorkerResult result = worker.result();
            progress.printf("  p50 %.0f ms, p99 %.0f ms, max %.0f ms over %,d trades%n", latencies.p50Ms(),
                    latencies.p99Ms(), latencies.maxMs(), latencies.trades());
            report.latency(new BenchReport.Latency(rate, achieved, latencies, result));
        }
    }

    /**
     * Publishes {@code count} trades in real time at {@code rate} (event time = wall-clock time, Poisson
     * arrivals), each noted by {@code beforeSend} just before it is handed to the producer.
     */
    private static void paced(SimulatedMarkets markets, int rate, long count, long seed, TradePublisher publisher,
                              TradeSink beforeSend) throws InterruptedException {
        // Each call its own seed: equal seeds would repeat trade ids, and the pipeline drops repeats as duplicates.
        Simulator simulator = new Simulator(new SimulatorOptions(markets, rate, seed, 0, 0, count, 1.0, Instant.now()));
        simulator.run(trade -> {
            beforeSend.accept(trade);
            publisher.accept(trade);
        });
        publisher.flush();
    }

    private void scale() throws IOException {
        TopicNames topics = cluster.topics("scale-");
        SimulatedMarkets markets = BenchMarkets.of(plan.scaleAssets(), plan.venues(), 0);
        progress.printf("loading %,d trades of %,d assets x %d venues ...%n", plan.scaleTrades(), plan.scaleAssets(), plan.venues());
        TradeLoader.Loaded loaded = TradeLoader.load(cluster, topics, markets, plan.scaleTrades(), SCALE_SPAN);
        progress.printf("  loaded %,d trades of %,d markets in %.1f s%n", loaded.trades(), loaded.markets(), loaded.seconds());
        WorkerSpec spec = spec(WorkerSpec.App.PIPELINE, topics, "scale", 1440, 168, false);
        WorkerResult first = drain("scale-first", "24h", spec).worker();
        WorkerResult restart = drain("scale-restart", "24h", spec).worker();
        progress.printf("  deleting the state directory %s%n", spec.stateDir());
        deleteRecursively(spec.stateDir());
        WorkerResult restore = drain("scale-restore", "24h", spec).worker();
        report.scale(new BenchReport.Scale(plan.scaleAssets(), plan.venues(), loaded.markets(), loaded.trades(), first,
                restart, restore));
    }

    private WorkerSpec spec(WorkerSpec.App app, TopicNames topics, String name, int windowMinutes, int sparklineHours,
                            boolean serve) {
        return new WorkerSpec(app, cluster.bootstrapServers(), cluster.registryUrl(), topics.prefix(), "bench-" + name,
                workDir.resolve("state").resolve(name), cluster.partitions(), windowMinutes, sparklineHours, serve, overrides);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
