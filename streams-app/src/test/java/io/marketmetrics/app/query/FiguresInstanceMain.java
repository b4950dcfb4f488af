package io.marketmetrics.app.query;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.marketmetrics.app.runtime.MetricsService;

/**
 * One instance serving the figures of {@link FiguresFixture}, as a process of its own (the API latency
 * benchmark runs each instance in its own JVM, as production does, so that one JVM's collections are not
 * every instance's). Stops cleanly on SIGTERM.
 *
 * <p>Arguments: BOOTSTRAP_SERVERS REGISTRY_URL APPLICATION_ID STATE_DIR HTTP_PORT
 */
public final class FiguresInstanceMain {

    private FiguresInstanceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: FiguresInstanceMain BOOTSTRAP_SERVERS REGISTRY_URL APPLICATION_ID STATE_DIR HTTP_PORT");
            System.exit(2);
        }
        MetricsService service = FiguresFixture.startInstance(args[0], args[1], args[2], Path.of(args[3]), Integer.parseInt(args[4]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "figures-instance-shutdown"));
        stopped.await();
    }
}
