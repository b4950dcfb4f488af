package io.marketmetrics.producers.cli;

import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.TradeSource;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.producers.metrics.PublisherMeters;
import io.micrometer.core.instrument.Metrics;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one trade source into a {@link TradePublisher} for a CLI command: progress while it runs, and
 * on Ctrl-C (or SIGTERM) the source is stopped and every trade handed over so far is flushed before
 * the process exits, so a stop loses nothing that was counted.
 */
public final class SourceRunner {

    private SourceRunner() {
    }

    /** The outcome of a run. */
    public record Result(long sent, long failed, boolean stopped, double seconds) {
    }

    /**
     * Runs {@code source} until it ends or the process is asked to stop, then prints the summary line
     * on stdout (before a stopping JVM may exit).
     *
     * @param progress what the progress line shows, read from the publisher (for its counts)
     * @param summary the last line, from the outcome
     * @throws io.marketmetrics.cli.UserError when Kafka or the registry fails
     */
    public static Result run(TradeSource source, PublishTarget target,
            Function<TradePublisher, ProgressReporter.Snapshot> progress, Function<Result, String> summary)
            throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean stopped = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            stopped.set(true);
            try {
                source.close();
                // Let the main thread flush; bounded so that a hung broker cannot keep the process alive.
                finished.await(target.timeout().toSeconds() + 5, TimeUnit.SECONDS);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-" + source.describe());
        Runtime.getRuntime().addShutdownHook(stopper);
        long start = System.nanoTime();
        try (TradePublisher publisher = new TradePublisher(target);
                ProgressReporter reporter = ProgressReporter.start(source.describe(), "trades",
                        () -> progress.apply(publisher))) {
            PublisherMeters.bind(Metrics.globalRegistry, publisher);
            try {
                source.run(publisher);
            } catch (InterruptedException e) {
                stopped.set(true);
            }
            publisher.flush();
            Result result = new Result(publisher.sent(), publisher.failed(), stopped.get(),
                    (System.nanoTime() - start) / 1e9);
            reporter.close();
            System.out.println(summary.apply(result));
            System.out.flush();
            return result;
        } finally {
            finished.countDown();
            removeHook(stopper);
            source.close();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and ends on its own.
        }
    }
}
