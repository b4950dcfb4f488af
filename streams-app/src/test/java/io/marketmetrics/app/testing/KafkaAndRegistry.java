package io.marketmetrics.app.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.registry.InMemorySchemaStore;
import io.marketmetrics.registry.SchemaRegistryServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KRaft broker and the project's registry server (schemas in memory), both in the test's JVM, shared
 * by the tests of a class: {@code @RegisterExtension static final KafkaAndRegistry cluster = new KafkaAndRegistry();}
 */
public final class KafkaAndRegistry implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private EmbeddedKafkaBroker broker;
    private SchemaRegistryServer registry;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("kafka-and-registry");
        broker = EmbeddedKafkaBroker.start(dir, 0);
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        registry.close();
        broker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }
}
