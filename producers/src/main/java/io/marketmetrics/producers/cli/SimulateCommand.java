package io.marketmetrics.producers.cli;

import io.marketmetrics.cli.UserError;
import io.marketmetrics.producers.Pacer;
import io.marketmetrics.producers.metrics.MetricsEndpoint;
import io.marketmetrics.producers.metrics.MetricsOptions;
import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.simulate.SimulatedMarkets;
import io.marketmetrics.producers.simulate.Simulator;
import io.marketmetrics.producers.simulate.SimulatorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: publishes simulated trades until stopped or a count is reached. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Publish simulated trades: correlated geometric Brownian motions around real price levels, "
                + "on several venues with their own spreads and volume shares, Poisson arrivals, realistic sizes.",
            "Markets come from config/simulator.yaml (bundled; --markets-file to change them)."})
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--rate", paramLabel = "TRADES/S", defaultValue = "" + SimulatorOptions.DEFAULT_RATE,
            description = "Mean trades per second of event time (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random draws: equal seeds (and --start) give "
            + "equal trades (default: random, printed at start).")
    Long seed;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Stop after N trades (default: run until stopped).")
    long count;

    @Option(names = "--speed", paramLabel = "X|max", defaultValue = "1", converter = SpeedConverter.class,
            description = "Times real time (default: ${DEFAULT-VALUE}); max publishes as fast as possible.")
    double speed;

    @Option(names = "--start", paramLabel = "ISO-8601",
            description = "Event time of the first trade (default: now; with --speed max and --count, early enough "
                    + "that the last trade is about now).")
    Instant start;

    @Option(names = "--bad-print-pct", paramLabel = "PCT", defaultValue = "0",
            description = "Percentage of trades printed 20-50 %% off the market (default: ${DEFAULT-VALUE}).")
    double badPrintPct;

    @Option(names = "--duplicate-pct", paramLabel = "PCT", defaultValue = "0",
            description = "Percentage of extra trades repeating a recent one, trade id included (default: ${DEFAULT-VALUE}).")
    double duplicatePct;

    @Option(names = "--assets", paramLabel = "SYMBOL,...", split = ",",
            description = "Simulate only these assets (default: every asset of the markets file).")
    Set<String> assets;

    @Option(names = "--venues", paramLabel = "ID,...", split = ",",
            description = "Simulate only these venues (default: every venue of the markets file).")
    Set<String> venues;

    @Option(names = "--markets-file", paramLabel = "FILE", description = "Simulator markets (default: the bundled "
            + "config/simulator.yaml).")
    Path marketsFile;

    @Option(names = "--reference-file", paramLabel = "FILE", description = "Reference data giving index baskets "
            + "(default: the bundled config/reference.yaml).")
    Path referenceFile;

    @Override
    public Integer call() throws Exception {
        long actualSeed = seed != null ? seed : System.nanoTime();
        SimulatorOptions options;
        try {
            options = new SimulatorOptions(markets().only(assets, venues), rate, actualSeed, badPrintPct, duplicatePct, count, speed,
                    start != null ? start : defaultStart());
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        Simulator simulator = new Simulator(options);
        System.err.printf(Locale.ROOT, "%s, seed %d (Ctrl-C to stop)%n", simulator.describe(), actualSeed);
        try (MetricsEndpoint endpoint = metrics.start()) {
            SourceRunner.run(simulator, kafka.target(),
                    publisher -> new ProgressReporter.Snapshot(publisher.sent(),
                            count == 0 ? Double.NaN : (double) publisher.sent() / count,
                            String.format(Locale.ROOT, "%,d bad prints, %,d duplicates", simulator.badPrints(),
                                    simulator.duplicates())),
                    result -> String.format(Locale.ROOT, "%s: %,d trades published (%,d bad prints, %,d duplicates) in %.1f s",
                            simulator.describe(), result.sent(), simulator.badPrints(), simulator.duplicates(),
                            result.seconds()));
        }
        return 0;
    }

    private SimulatedMarkets markets() {
        ReferenceData reference = referenceFile == null ? ReferenceData.bundled() : ReferenceData.load(referenceFile);
        return marketsFile == null ? SimulatedMarkets.bundled(reference) : SimulatedMarkets.load(marketsFile, reference);
    }

    /** Now, or at full speed with a count, so long ago that the simulated history ends about now. */
    private Instant defaultStart() {
        Instant now = Instant.now();
        return speed == Pacer.MAX && count > 0 ? now.minus(Duration.ofMillis((long) (count * 1000 / rate))) : now;
    }
}
