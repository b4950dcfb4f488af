package io.marketmetrics.app.query;

import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One server-sent-events subscriber: the symbols it follows and a bounded queue of events waiting to
 * be written. {@link #offer} never blocks: when the queue is full the client is too slow, and it is
 * dropped (its connection closed) rather than slowing the feed or holding unbounded memory.
 */
final class StreamClient {

    /** One event, serialized once for every subscriber. */
    record Event(String name, String symbol, String data) {
    }

    private final Set<String> symbols;
    private final BlockingQueue<Event> queue;
    private volatile boolean dropped;

    /** @param symbols the asset symbols followed; empty: all */
    StreamClient(Set<String> symbols, int capacity) {
        this.symbols = Set.copyOf(symbols);
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    boolean follows(String symbol) {
        return symbols.isEmpty() || symbols.contains(symbol);
    }

    /** Queues {@code event}; false (and the client marked dropped) when its queue is full. */
    boolean offer(Event event) {
        if (dropped) {
            return false;
        }
        if (!queue.offer(event)) {
            dropped = true;
            return false;
        }
        return true;
    }

    /** The next event, or null after {@code timeoutMillis} without one or once dropped. */
    Event next(long timeoutMillis) throws InterruptedException {
        return dropped ? null : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    boolean dropped() {
        return dropped;
    }
}
