package io.marketmetrics.producers.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows how a long-running publication is going: on a terminal, a bar redrawn in place every second
 * with the rate and, when the total is known, the ETA; otherwise (a log file, a container) one plain
 * line every ten seconds.
 */
public final class ProgressReporter implements AutoCloseable {

    /** A reading: units done, the fraction done (NaN when the total is unknown), and a detail such as failures. */
    public record Snapshot(long done, double fraction, String detail) {
    }

    private static final int BAR_WIDTH = 30;

    private final String label;
    private final String unit;
    private final Supplier<Snapshot> source;
    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;
    private long lastDone;
    private long lastNanos = startNanos;
    private boolean closed;

    private ProgressReporter(String label, String unit, Supplier<Snapshot> source, PrintStream out, boolean terminal) {
        this.label = label;
        this.unit = unit;
        this.source = source;
        this.out = out;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts reporting to stderr, as a bar when stdout and stdin are a terminal. */
    public static ProgressReporter start(String label, String unit, Supplier<Snapshot> source) {
        return start(label, unit, source, System.err, System.console() != null);
    }

    static ProgressReporter start(String label, String unit, Supplier<Snapshot> source, PrintStream out, boolean terminal) {
        ProgressReporter reporter = new ProgressReporter(label, unit, source, out, terminal);
        Duration every = terminal ? Duration.ofSeconds(1) : Duration.ofSeconds(10);
        reporter.timer.scheduleAtFixedRate(reporter::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return reporter;
    }

    private synchronized void report() {
        Snapshot now = source.get();
        long nanos = System.nanoTime();
        double rate = (now.done() - lastDone) * 1e9 / Math.max(1, nanos - lastNanos);
        lastDone = now.done();
        lastNanos = nanos;
        String line = format(now, rate, nanos - startNanos);
        if (terminal) {
            out.print("\r" + line + "\u001B[K"); // erase what a longer earlier line left
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The text of one report; {@code elapsedNanos} since the start. */
    String format(Snapshot snapshot, double rate, long elapsedNanos) {
        StringBuilder line = new StringBuilder(label);
        double fraction = snapshot.fraction();
        boolean known = !Double.isNaN(fraction);
        if (known && terminal) {
            int filled = (int) Math.round(Math.min(1, fraction) * BAR_WIDTH);
            line.append(" [").append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append(']');
        }
        line.append(terminal ? " " : ": ");
        if (known) {
            line.append(String.format(Locale.ROOT, "%3.0f%% ", fraction * 100));
        }
        line.append(String.format(Locale.ROOT, "%,d %s, %,.0f/s", snapshot.done(), unit, rate));
        if (known && fraction > 0 && fraction < 1) {
            long etaSeconds = Math.round(elapsedNanos / 1e9 * (1 - fraction) / fraction);
            line.append(String.format(Locale.ROOT, ", ETA %d:%02d:%02d", etaSeconds / 3600, etaSeconds / 60 % 60,
                    etaSeconds % 60));
        }
        if (!snapshot.detail().isEmpty()) {
            line.append(", ").append(snapshot.detail());
        }
        return line.toString();
    }

    /** Stops reporting; on a terminal, ends the bar's line. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        if (terminal && lastNanos != startNanos) {
            out.println();
            out.flush();
        }
    }
}
