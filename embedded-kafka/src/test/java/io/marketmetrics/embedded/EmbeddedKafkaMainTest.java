package io.marketmetrics.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaMainTest {

    @TempDir
    Path dir;

    @Test
    void childProcessServesKeepsDataAndStopsOnSigterm() throws Exception {
        Path dataDir = dir.resolve("data");
        Path output = dir.resolve("child.out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EmbeddedKafkaMain.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            String bootstrap = await().atMost(Duration.ofSeconds(60))
                    .until(() -> announcedAddress(output), Optional::isPresent).orElseThrow();
            assertThat(bootstrap).startsWith("127.0.0.1:");
            EmbeddedKafkaBrokerTest.createTopic(bootstrap);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", bootstrap, "acks", "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("words", "k", "kept")).get();
            }

            child.destroy(); // SIGTERM
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child stopped after SIGTERM").isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThat(EmbeddedKafkaBrokerTest.readCommitted(restarted.bootstrapServers(), 1)).isEqualTo(List.of("k=kept"));
        }
    }

    private static Optional<String> announcedAddress(Path output) throws IOException {
        if (!Files.exists(output)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(output)) {
            return lines.filter(l -> l.startsWith(EmbeddedKafkaMain.READY_PREFIX))
                    .map(l -> l.substring(EmbeddedKafkaMain.READY_PREFIX.length()))
                    .findFirst();
        }
    }
}
