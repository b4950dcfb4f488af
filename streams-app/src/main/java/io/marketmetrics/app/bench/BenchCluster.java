package io.marketmetrics.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import io.marketmetrics.app.runtime.TopicLayout;
import io.marketmetrics.app.runtime.TopicProvisioner;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.registry.InMemorySchemaStore;
import io.marketmetrics.registry.SchemaRegistryServer;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * What every benchmark run shares: one embedded KRaft broker and the schema registry server (schemas in
 * memory), on 127.0.0.1. Each run gets its own topic prefix, so runs never read each other's outputs.
 */
final class BenchCluster implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final long READY_TIMEOUT_MS = 30_000;

    private final EmbeddedKafkaBroker broker;
    private final SchemaRegistryServer registry;
    private final int partitions;

    private BenchCluster(EmbeddedKafkaBroker broker, SchemaRegistryServer registry, int partitions) {
        this.broker = broker;
        this.registry = registry;
        this.partitions = partitions;
    }

    static BenchCluster start(Path dataDir, int partitions) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
        try {
            return new BenchCluster(broker, SchemaRegistryServer.start(HOST, 0, new InMemorySchemaStore()), partitions);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    int partitions() {
        return partitions;
    }

    /** Creates the pipeline's topics under {@code prefix} as the application would, plus the passthrough's output. */
    TopicNames topics(String prefix) {
        TopicNames topics = new TopicNames(prefix);
        TopicProvisioner.provision(bootstrapServers(), new TopicLayout(topics, partitions));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Passthrough.outputTopic(topics), Optional.of(partitions), Optional.empty())))
                    .all().get();
            List<String> names = new ArrayList<>(new TopicLayout(topics, partitions).topics().stream().map(NewTopic::name).toList());
            names.add(Passthrough.outputTopic(topics));
            awaitWritable(admin, names);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the passthrough's output topic: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return topics;
    }

    /**
     * Waits until the broker serves every partition of new topics (a leader's offset lookup succeeds). Writing
     * at once gets NOT_LEADER_OR_FOLLOWER, and an idempotent producer's retries of several in-flight batches
     * can then fail for good with an out-of-order sequence.
     */
    private void awaitWritable(Admin admin, List<String> names) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> all = new HashMap<>();
        for (String name : names) {
            for (int p = 0; p < partitions; p++) {
                all.put(new TopicPartition(name, p), OffsetSpec.latest());
            }
        }
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        while (true) {
            try {
                admin.listOffsets(all).all().get();
                return;
            } catch (ExecutionException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("new topics not served yet: " + e.getCause().getMessage(), e);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
    }
}
