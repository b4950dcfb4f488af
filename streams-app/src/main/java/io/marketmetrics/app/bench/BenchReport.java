package io.marketmetrics.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/** Everything one benchmark run measured, printed as a table or written as JSON. */
final class BenchReport {

    /** The suffix of the runs over the live input ({@link BenchPlan#liveRate}). */
    static final String LIVE = "-live";

    /** The machine and its load when the run started and ended (the 1-minute load average). */
    record Machine(int processors, long memoryBytes, String java, String os, double loadAtStart, double loadAtEnd) {
    }

    /**
     * One application drained over one pre-loaded input.
     *
     * @param benchCpuSeconds the benchmark JVM's CPU time over the worker's whole life: mostly the broker's work
     *                        for that application (its writes, transactions and fetches), plus the registry's
     */
    record Run(String name, String longestWindow, WorkerResult worker, double benchCpuSeconds) {

        double benchCpuSecondsPerMillion() {
            return worker.records() == 0 ? 0 : benchCpuSeconds * 1_000_000 / worker.records();
        }
    }

    /** One latency run. */
    record Latency(int rateAsked, double rateAchieved, Latencies latencies, WorkerResult worker) {
    }

    /** The scale run: the first drain, a restart with the state kept, one after the state directory was lost. */
    record Scale(int assets, int venues, int markets, long trades, WorkerResult first, WorkerResult restart,
                 WorkerResult restore) {
    }

    private final BenchPlan plan;
    private final Map<String, String> streamsOverrides;
    private Machine machine;
    private final List<Run> runs = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private Scale scale;

    BenchReport(BenchPlan plan, Map<String, String> streamsOverrides) {
        this.plan = plan;
        this.streamsOverrides = Map.copyOf(streamsOverrides);
    }

    void machine(Machine value) {
        machine = value;
    }

    void run(Run value) {
        runs.add(value);
    }

    void latency(Latency value) {
        latencies.add(value);
    }

    void scale(Scale value) {
        scale = value;
    }

    /** The JSON document: plan, machine, every run with its derived figures. */
    void writeJson(Path file) throws IOException {
        // Durations as ISO-8601 text (PT1H), without pulling in Jackson's java.time module for one type.
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule().addSerializer(Duration.class, ToStringSerializer.instance));
        json.writeValue(file.toFile(), new Document(plan, streamsOverrides, machine, runs.stream().map(Throughput::of).toList(),
                passthroughRatio(""), passthroughRatio(LIVE), windowRatio(), latencies, scale));
    }

    /**
     * The JSON shape.
     *
     * @param pipelineToPassthrough     the ratio over the trades spread over {@link BenchPlan#eventSpan}
     * @param livePipelineToPassthrough the ratio over the same number of trades at {@link BenchPlan#liveRate}
     */
    record Document(BenchPlan plan, Map<String, String> streamsOverrides, Machine machine, List<Throughput> throughput,
                    Double pipelineToPassthrough, Double livePipelineToPassthrough, Double window7dTo1h,
                    List<Latency> latency, Scale scale) {
    }

    /** A drained run with its rates. */
    record Throughput(String name, String longestWindow, double tradesPerSecond, double secondHalfTradesPerSecond,
                      double cpuSecondsPerMillionTrades, double brokerCpuSecondsPerMillionTrades, WorkerResult worker) {
        static Throughput of(Run run) {
            return new Throughput(run.name(), run.longestWindow(), run.worker().recordsPerSecond(),
                    run.worker().secondHalfRecordsPerSecond(), run.worker().cpuSecondsPerMillion(),
                    run.benchCpuSecondsPerMillion(), run.worker());
        }
    }

    /** The pipeline's rate against the passthrough's over one input: the runs named with {@code suffix}. */
    private Double passthroughRatio(String suffix) {
        Run passthrough = find("passthrough" + suffix);
        Run pipeline = find("pipeline" + suffix);
        return passthrough == null || pipeline == null ? null
                : pipeline.worker().recordsPerSecond() / passthrough.worker().recordsPerSecond();
    }

    private Double windowRatio() {
        Run oneHour = find("sweep-1h");
        Run sevenDays = find("sweep-7d");
        return oneHour == null || sevenDays == null ? null
                : sevenDays.worker().recordsPerSecond() / oneHour.worker().recordsPerSecond();
    }

    private Run find(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%nmarket-metrics bench: %d assets x %d venues (one asset %.0f %% of the trades); "
                        + "throughput over %,d trades in %s of event time%s, window sweep over %,d trades in %s%n",
                plan.assets(), plan.venues(), plan.hotShare() * 100, plan.trades(), plan.eventSpan(),
                plan.liveRate() == 0 ? "" : String.format(Locale.ROOT, " and, live, in %s (%,d trades/s)", plan.liveSpan(),
                        plan.liveRate()),
                plan.sweepTrades(), plan.sweepSpan());
        if (!streamsOverrides.isEmpty()) {
            out.println("Kafka Streams settings overridden: " + streamsOverrides);
        }
        out.printf(Locale.ROOT, "machine: %d processors, %s memory, %s; load average %.1f at start, %.1f at end;"
                        + " each measured application in a JVM of its own with -Xmx%s%s%n%n",
                machine.processors(), mib(machine.memoryBytes()), machine.java(), machine.loadAtStart(), machine.loadAtEnd(),
                plan.workerHeap(), plan.workerJvm().isEmpty() ? "" : " " + String.join(" ", plan.workerJvm()));
        out.printf(Locale.ROOT, "%-22s %8s %10s %12s %14s %15s %8s %14s %11s %11s%n", "drained (exactly-once)", "window",
                "trades/s", "2nd half/s", "CPU s/M trades", "of which stream", "JIT s", "broker CPU s/M", "peak heap",
                "peak RSS");
        for (Run run : runs) {
            WorkerResult w = run.worker();
            out.printf(Locale.ROOT, "%-22s %8s %,10.0f %,12.0f %14.1f %15.1f %8.1f %14.1f %11s %11s%n", run.name(),
                    run.longestWindow(), w.recordsPerSecond(), w.secondHalfRecordsPerSecond(), w.cpuSecondsPerMillion(),
                    w.streamCpuSecondsPerMillion(), w.jitSeconds(), run.benchCpuSecondsPerMillion(),
                    mib(w.peakHeapBytes()), mib(w.peakRssBytes()));
        }
        for (Run run : runs) {
            WorkerResult w = run.worker();
            KafkaTotals k = w.kafka();
            out.printf(Locale.ROOT, "  %s: over the %.1f s drain, the stream threads used %.1f s of CPU and were blocked on Kafka"
                            + " for %.1f s (the commits' flush %.1f s, transactions %.1f s); their producers sent %,d records,"
                            + " %.2f per trade%n", run.name(), w.drainMs() / 1000.0, w.streamCpuSeconds(), k.blockedSeconds(),
                    k.flushSeconds(), k.transactionSeconds(), k.recordsSent(), w.records() == 0 ? 0 : (double) k.recordsSent() / w.records());
            if (w.records() > 0 && !k.sentByTopic().isEmpty()) {
                out.println("    per trade, by topic: " + k.sentByTopic().entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), (double) e.getValue() / w.records()))
                        .collect(Collectors.joining(", ")));
            }
        }
        out.printf(Locale.ROOT, "pipeline / passthrough: %s over %s of event time%s (target >= 0.5); 7d / 1h window: %s"
                        + " (target >= 0.9)%n%n", ratio(passthroughRatio("")), plan.eventSpan(),
                plan.liveRate() == 0 ? "" : String.format(Locale.ROOT, ", %s live at %,d trades/s",
                        ratio(passthroughRatio(LIVE)), plan.liveRate()),
                ratio(windowRatio()));
        out.printf(Locale.ROOT, "%-32s %9s %9s %8s %8s %8s %9s%n", "latency trade -> asset-metrics", "achieved", "trades",
                "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (Latency l : latencies) {
            Latencies d = l.latencies();
            out.printf(Locale.ROOT, "%-32s %,9.0f %,9d %8.0f %8.0f %8.0f %9.0f%s%n", "at " + l.rateAsked() + " trades/s",
                    l.rateAchieved(), d.trades(), d.p50Ms(), d.p90Ms(), d.p99Ms(), d.maxMs(),
                    d.uncovered() == 0 ? "" : "  (" + d.uncovered() + " trades never covered)");
        }
        out.printf("(target p99 <= 300 ms at 10,000 trades/s)%n%n");
        if (scale != null) {
            out.printf(Locale.ROOT, "scale: %,d assets x %d venues, %,d markets with state, %,d trades%n", scale.assets(),
                    scale.venues(), scale.markets(), scale.trades());
            out.printf(Locale.ROOT, "  first run: %,.0f trades/s, peak RSS %s (target <= 1 GiB), peak heap %s, state dir %s%n",
                    scale.first().recordsPerSecond(), mib(scale.first().peakRssBytes()), mib(scale.first().peakHeapBytes()),
                    mib(scale.first().stateDirBytes()));
            out.printf(Locale.ROOT, "  restart with state kept: RUNNING after %.1f s (target <= 10 s), %.1f s from JVM start%n",
                    scale.restart().startToRunningMs() / 1000.0, scale.restart().jvmToRunningMs() / 1000.0);
            out.printf("    replayed before RUNNING: %s%n", replayed(scale.restart()));
            out.printf(Locale.ROOT, "  restart after losing the state directory: RUNNING after %.1f s (restored from changelogs),"
                    + " peak RSS %s%n", scale.restore().startToRunningMs() / 1000.0, mib(scale.restore().peakRssBytes()));
            out.printf("    replayed before RUNNING: %s%n", replayed(scale.restore()));
        }
    }

    /** Changelog records replayed per store, most first. */
    private static String replayed(WorkerResult run) {
        if (run.restoredRecords().isEmpty()) {
            return "nothing";
        }
        return run.restoredRecords().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String ratio(Double r) {
        return r == null ? "n/a" : String.format(Locale.ROOT, "%.2f", r);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }
}
