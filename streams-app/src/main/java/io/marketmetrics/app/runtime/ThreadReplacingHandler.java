package io.marketmetrics.app.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of an unexpected exception (bad records go to the dead-letter
 * queue and never get here), so that one transient failure does not stop the application. An
 * error that kills thread after thread is not transient: past {@code maxReplacements} within
 * {@code window} the client shuts down, so that /health reports it instead of a silent crash loop.
 */
final class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ThreadReplacingHandler.class);

    private final int maxReplacements;
    private final long windowMillis;
    private final LongSupplier clock;
    private final Deque<Long> recent = new ArrayDeque<>();

    ThreadReplacingHandler(int maxReplacements, Duration window, LongSupplier clock) {
        this.maxReplacements = maxReplacements;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        long now = clock.getAsLong();
        while (!recent.isEmpty() && recent.peekFirst() <= now - windowMillis) {
            recent.removeFirst();
        }
        if (recent.size() >= maxReplacements) {
            log.error("Stream thread died {} times within {} s; shutting the application down", recent.size() + 1, windowMillis / 1000, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        log.error("Stream thread died; replacing it", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
