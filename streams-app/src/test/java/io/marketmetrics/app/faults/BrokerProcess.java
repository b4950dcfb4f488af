package io.marketmetrics.app.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.marketmetrics.app.testing.ChildJvm;
import io.marketmetrics.app.testing.FreePorts;
import io.marketmetrics.embedded.EmbeddedKafkaMain;

/**
 * The single-node KRaft broker as a process of its own ({@link EmbeddedKafkaMain}), on a fixed port and data
 * directory, so that it can be killed or stopped and started again where clients expect it, with its data.
 */
final class BrokerProcess implements AutoCloseable {

    private final Path dataDir;
    private final int port = FreePorts.next();
    private final Path output;
    private ChildJvm jvm;

    private BrokerProcess(Path dataDir, Path output) {
        this.dataDir = dataDir;
        this.output = output;
    }

    static BrokerProcess start(Path dataDir, Path output) {
        BrokerProcess broker = new BrokerProcess(dataDir, output);
        broker.restart();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker (again) on the same port and data directory and waits until it serves. */
    void restart() {
        if (jvm != null && jvm.isAlive()) {
            throw new IllegalStateException("the broker is running");
        }
        int startsBefore = starts();
        jvm = ChildJvm.start(EmbeddedKafkaMain.class, List.of(dataDir.toString(), Integer.toString(port)), output);
        await("broker serving").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!jvm.isAlive()) {
                throw new AssertionError("the broker exited: " + jvm.output());
            }
            return starts() > startsBefore;
        });
    }

    /** SIGTERM: a clean stop (the broker closes its logs), as a rolling restart does. */
    void stop() {
        jvm.stop();
    }

    /** SIGKILL: the broker vanishes mid-write. */
    void kill() {
        jvm.kill();
    }

    private int starts() {
        String text = jvm == null ? "" : jvm.output();
        return text.split(EmbeddedKafkaMain.READY_PREFIX, -1).length - 1;
    }

    @Override
    public void close() {
        if (jvm != null) {
            jvm.stop();
        }
    }
}
