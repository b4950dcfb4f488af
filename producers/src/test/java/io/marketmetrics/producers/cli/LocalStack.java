package io.marketmetrics.producers.cli;

import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.registry.InMemorySchemaStore;
import io.marketmetrics.registry.SchemaRegistryServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** A real single-node broker and the project's registry server on 127.0.0.1, for one test class. */
final class LocalStack implements AutoCloseable {

    final EmbeddedKafkaBroker broker;
    final SchemaRegistryServer registry;

    private LocalStack(EmbeddedKafkaBroker broker, SchemaRegistryServer registry) {
        this.broker = broker;
        this.registry = registry;
    }

    static LocalStack start(Path dir) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), 0);
        return new LocalStack(broker, SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore()));
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** The number of records ever written to the topic (0 when it does not exist). */
    long recordCount(String topic) throws Exception {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    /** A port nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        registry.close();
        broker.close();
    }
}
