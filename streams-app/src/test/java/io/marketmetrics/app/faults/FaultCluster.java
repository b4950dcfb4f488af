package io.marketmetrics.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.marketmetrics.app.cli.StreamsAppCommand;
import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.app.runtime.TopicProvisioner;
import io.marketmetrics.app.testing.ChildJvm;
import io.marketmetrics.app.testing.FreePorts;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.registry.InMemorySchemaStore;
import io.marketmetrics.registry.SchemaRegistryServer;
import io.marketmetrics.registry.SchemaStore;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the process-level fault tests break, for a whole test class ({@code @RegisterExtension static}): a broker
 * in a process of its own ({@link BrokerProcess}) and a registry server on a fixed port that can be stopped and
 * started again with its schemas; and the application as a user runs it ({@code streams-app run}), each in a
 * process of its own, its topics prefixed by its id. Everything lives under one directory in {@code target/},
 * kept when a test failed so that the processes' logs can be read.
 */
final class FaultCluster implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    static final int PARTITIONS = 3;
    // After a SIGKILL the dead instance stays a group member until its session times out, and a restarted one
    // waits for that: 6 s (the broker's minimum) instead of the default 45 s keeps each restart short.
    private static final List<String> SHORT_SESSION = List.of("session.timeout.ms=6000", "heartbeat.interval.ms=1500");

    // An application process here lives seconds to minutes and restarts often: it spent more CPU in the optimizing
    // compiler than in its own work (measured: 36 s of C2 against 26 s of the stream thread in its first 146 s).
    private static final List<String> APP_JVM = Stream.concat(ChildJvm.SMALL_HEAP.stream(),
            Stream.of("-XX:TieredStopAtLevel=1")).toList();

    private final SchemaStore schemas = new InMemorySchemaStore();
    private final int registryPort = FreePorts.next();
    private Path dir;
    private BrokerProcess broker;
    private SchemaRegistryServer registry;
    private boolean failed;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path base = Files.createDirectories(Path.of("target", "fault-tests"));
        dir = Files.createTempDirectory(base, context.getRequiredTestClass().getSimpleName() + "-").toAbsolutePath();
        broker = BrokerProcess.start(dir.resolve("kafka"), dir.resolve("broker.out"));
        startRegistry();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        failed |= context.getExecutionException().isPresent();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (registry != null) {
            registry.close();
        }
        broker.close();
        if (failed || context.getExecutionException().isPresent()) {
            System.out.println("Logs and data of the failed fault test kept in " + dir);
        } else {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The directory of this cluster's data and of the processes' output. */
    Path dir() {
        return dir;
    }

    BrokerProcess broker() {
        return broker;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryPort;
    }

    /** Starts the registry (again) on its port, with every schema registered so far. */
    void startRegistry() {
        registry = SchemaRegistryServer.start("127.0.0.1", registryPort, schemas);
    }

    void stopRegistry() {
        registry.close();
        registry = null;
    }

    /** The topics of application {@code id}: its own prefix, so that applications share the cluster. */
    static TopicNames topics(String id) {
        return new TopicNames(id + ".");
    }

    /** Creates the topics of application {@code id} and publishes {@code trades} to its trades topic. */
    void publish(String id, List<Trade> trades) {
        TopicNames topics = topics(id);
        TopicProvisioner.provision(bootstrapServers(), new TopicLayout(topics, PARTITIONS));
        try (TradePublisher publisher = publisher(topics)) {
            trades.forEach(publisher::accept);
            publisher.flush();
            assertThat(publisher.sent()).isEqualTo(trades.size());
        }
    }

    TradePublisher publisher(TopicNames topics) {
        return new TradePublisher(new PublishTarget(bootstrapServers(), registryUrl(), topics, PublishTarget.DEFAULT_TIMEOUT,
                // One request at a time: the tests publish right after creating the topics, and with several in
                // flight a first batch refused because the broker had not yet applied the new partition
                // (NOT_LEADER_OR_FOLLOWER) can be overtaken by the next one, after which the broker refuses it for
                // good (OUT_OF_ORDER_SEQUENCE_NUMBER until delivery.timeout.ms): KAFKA-15591, seen here twice.
                Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)));
    }

    /** Starts application {@code id} with its state in {@code stateDir}; its output is appended to {@code id.out}. */
    ChildJvm startApp(String id, Path stateDir, String... streamsConfig) {
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap-servers", bootstrapServers(),
                "--schema-registry", registryUrl(), "--application-id", id, "--topic-prefix", topics(id).prefix(),
                "--partitions", Integer.toString(PARTITIONS), "--state-dir", stateDir.toString(),
                "--http-port", Integer.toString(FreePorts.next())));
        for (String setting : SHORT_SESSION) {
            args.addAll(List.of("--streams-config", setting));
        }
        for (String setting : streamsConfig) {
            args.addAll(List.of("--streams-config", setting));
        }
        return ChildJvm.start(APP_JVM, StreamsAppCommand.class, args, dir.resolve(id + ".out"));
    }
}
