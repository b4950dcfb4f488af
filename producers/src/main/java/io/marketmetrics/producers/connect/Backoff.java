package io.marketmetrics.producers.connect;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential reconnect delays with jitter: attempt n waits a random time between half and all of
 * {@code min(max, initial * 2^n)}, so that many clients dropped at once do not reconnect in step.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int attempt;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    /** The delay before the next attempt; each call doubles the ceiling up to the maximum. */
    Duration next() {
        long ceiling = attempt >= 31 ? maxMillis : Math.min(maxMillis, initialMillis << attempt);
        attempt++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    /** After a connection that worked: the next drop starts again from the initial delay. */
    void reset() {
        attempt = 0;
    }
}
