package io.marketmetrics.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EmbeddedKafkaBroker} as a process of its own: {@code EmbeddedKafkaMain DATA_DIR [PORT]}.
 * Prints {@code bootstrap.servers=127.0.0.1:PORT} once the broker serves, and stops the broker
 * cleanly on SIGTERM or Ctrl-C. Used by tests that kill or restart the broker.
 */
public final class EmbeddedKafkaMain {

    /** The line prefix a parent process waits for on this process's standard output. */
    public static final String READY_PREFIX = "bootstrap.servers=";

    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: EmbeddedKafkaMain DATA_DIR [PORT]   (PORT 0 or absent: a free port)");
            System.exit(2);
        }
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(Path.of(args[0]), port);
        } catch (RuntimeException e) {
            System.err.println("embedded-kafka: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "embedded-kafka-shutdown"));
        System.out.println(READY_PREFIX + broker.bootstrapServers());
        System.out.flush();
        stopped.await();
    }
}
