package io.marketmetrics.app.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as an event the main thread waits for. Handling the signals ourselves
 * (instead of a shutdown hook) lets the main thread stop everything in order and then return, so
 * the process exits 0 after a requested stop rather than with the JVM's 130/143. A second signal
 * while stopping ends the process at once (exit 130), in case a stop hangs.
 */
public final class ShutdownSignal {

    private static final int FORCED_EXIT = 130;

    private final CountDownLatch requested = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /** Installs the handlers for INT and TERM; from then on these signals only trigger this object. */
    public static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), s -> {
                if (signal.requested.getCount() == 0) {
                    Runtime.getRuntime().halt(FORCED_EXIT);
                }
                signal.requested.countDown();
            });
        }
        return signal;
    }

    /** Waits up to {@code timeout} for a stop request; true once one arrived. */
    public boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
