package io.marketmetrics.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) started in this JVM,
 * listening on 127.0.0.1 only, with its data under one directory so that a restart on the same
 * directory resumes where it stopped.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port} (0 picks a free port) storing everything under
     * {@code dataDir}, which is formatted on first use and reused as it is afterwards.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        int brokerPort = port == 0 ? freePort() : port;
        Path logDir = dataDir.toAbsolutePath().resolve("kafka");
        KafkaConfig config = new KafkaConfig(settings(logDir, brokerPort, freePort()), false);
        try {
            Files.createDirectories(logDir);
            formatIfNew(logDir);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the Kafka data directory " + logDir + ": " + e.getMessage(), e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // Returns once the broker has caught up with the metadata log and is unfenced.
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw new IllegalStateException("Kafka broker failed to start on " + HOST + ":" + brokerPort + ": " + e.getMessage(), e);
        }
        String bootstrap = HOST + ":" + brokerPort;
        log.info("Kafka broker running on {} with data in {}", bootstrap, logDir);
        return new EmbeddedKafkaBroker(server, bootstrap);
    }

    /** {@code 127.0.0.1:PORT}, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker cleanly (logs flushed, clean-shutdown marker written). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker on {} stopped", bootstrapServers);
    }

    private static Map<String, String> settings(Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> p = new TreeMap<>();
        // One process is both broker and its own KRaft controller: no ZooKeeper, no second JVM.
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        // A static voter set of one; the controller port may then change between restarts.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        // Both listeners bind to loopback only: nothing of the demo is reachable from the network.
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        // Data and the metadata log in one directory under the caller's data dir, kept across restarts.
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        // A single node cannot hold more than one replica: the defaults (3) would make the offsets,
        // transaction and share-group state topics impossible to create, and consumer groups and
        // transactions (exactly-once) would never work.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("default.replication.factor", "1");
        // With one replica, an in-sync set larger than one could never be met (default for the
        // transaction log is 2), so transactional writes would fail.
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        // 50 partitions each for the offsets and transaction topics (the defaults) cost seconds at
        // first start and hundreds of files; a single small node serves a handful of groups.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        // Only one member joins each group here; waiting 3 s for more only delays every start.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner's default 128 MiB dedupe buffer is sized for big brokers; in a demo JVM it
        // would take much of the heap. 16 MiB still compacts ~700k keys per pass.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16L * 1024 * 1024));
        return p;
    }

    private static void formatIfNew(Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            log.info("Kafka data directory {} already formatted: resuming", logDir);
            return;
        }
        new Formatter()
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .setIgnoreFormatted(false)
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .run();
        log.info("Formatted new Kafka data directory {}", logDir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
