package io.marketmetrics.producers;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces trades by their event times: at speed X, a trade whose event time is d after the first one's is
 * released d / X after the first was. Out-of-order trades are released at once. An infinite speed
 * ({@link #MAX}) never waits.
 */
public final class Pacer {

    /** As fast as possible. */
    public static final double MAX = Double.POSITIVE_INFINITY;

    /** Sleeps the calling thread; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double speed;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long firstEventMillis;
    private long firstWallNanos;
    private boolean started;

    public Pacer(double speed) {
        this(speed, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    public Pacer(double speed, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        this.speed = speed;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Waits until the trade of this event time is due. */
    public void await(Instant eventTime) throws InterruptedException {
        if (speed == MAX) {
            return;
        }
        long eventMillis = eventTime.toEpochMilli();
        if (!started) {
            started = true;
            firstEventMillis = eventMillis;
            firstWallNanos = nanoClock.getAsLong();
            return;
        }
        double dueNanos = (eventMillis - firstEventMillis) * 1_000_000.0 / speed;
        long wait = firstWallNanos + (long) dueNanos - nanoClock.getAsLong();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
