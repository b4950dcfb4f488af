package io.marketmetrics.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.serde.MockSchemaRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/stream}: a subscriber gets the updates of the symbols it follows and no others; a
 * subscriber that stops reading is dropped once its bounded queue fills, while the others keep getting
 * their updates.
 */
class LiveStreamTest {

    private static final String REGISTRY = "mock://live-stream-test";
    private static final int BURST = 6_000;

    @TempDir
    Path dir;

    @Test
    void followersGetTheirUpdatesAndASlowReaderIsDropped() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             MetricsService app = startApp(broker.bootstrapServers(), dir.resolve("app"))) {
            String bootstrap = broker.bootstrapServers();
            List<String> fast = new CopyOnWriteArrayList<>();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.httpPort() + "/api/v1/stream?symbols=eth")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            Thread reader = new Thread(() -> response.body().forEach(fast::add));
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.contains("retry: 3000"));

            try (Socket slow = new Socket();
                 KafkaProducer<String, AssetMetrics> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                         new StringSerializer(), FiguresTopology.<AssetMetrics>serde(REGISTRY).serializer())) {
                // A reader with a tiny window that stops reading after the stream starts.
                slow.setReceiveBufferSize(4096);
                slow.connect(new InetSocketAddress("127.0.0.1", app.httpPort()));
                slow.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = slow.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                slow.setSoTimeout(10_000);
                while (!head.toString(StandardCharsets.UTF_8).contains("retry: 3000")) {
                    head.write(in.read());
                }
                // The feed subscribes the fast reader first, then the new one: wait until the topics are read
                // (an ETH update reaches the fast reader), so that nothing of the burst is lost to the start.
                // The feed's consumer finds the end of the topics lazily: an update sent before that is not
                // streamed, so send the first one again until it arrives.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    producer.send(new ProducerRecord<>(FiguresFixture.TOPICS.assetMetrics(), "ETH", update("ETH", 1.0))).get();
                    return fast.stream().anyMatch(l -> l.contains("\"priceUsd\":1.0,"));
                });

                for (int i = 0; i < BURST; i++) {
                    String symbol = FiguresFixture.SYMBOLS.get(i % FiguresFixture.SYMBOLS.size());
                    if (!symbol.equals("ETH")) {
                        producer.send(new ProducerRecord<>(FiguresFixture.TOPICS.assetMetrics(), symbol, update(symbol, 1000.0 + i)));
                    }
                }
                producer.send(new ProducerRecord<>(FiguresFixture.TOPICS.assetMetrics(), "ETH", update("ETH", 2.0))).get();

                // The follower of ETH gets its update after the burst, without a single update of another asset.
                await().atMost(Duration.ofSeconds(30)).until(() -> fast.stream().anyMatch(l -> l.contains("\"priceUsd\":2.0,")));
                assertThat(fast.stream().filter(l -> l.startsWith("data:"))).allMatch(l -> l.contains("\"symbol\":\"ETH\""))
                        .filteredOn(l -> l.contains("\"priceUsd\":2.0,")).hasSize(1);
                assertThat(fast.stream().filter(l -> l.startsWith("event:"))).containsOnly("event: asset");

                // The reader that stopped was dropped: reading on, it finds the end of the stream (the server
                // closes the connection, as asked), short of the burst.
                slow.setSoTimeout(30_000);
                String all = head.toString(StandardCharsets.UTF_8) + new String(in.readAllBytes(), StandardCharsets.UTF_8);
                long received = all.split("event: asset", -1).length - 1L;
                assertThat(received).isGreaterThan(0).isLessThan(BURST);
            }
        }
    }

    private static MetricsService startApp(String bootstrap, Path stateDir) {
        FiguresFixture.provisionTopics(bootstrap);
        return FiguresFixture.startInstance(bootstrap, REGISTRY, "live-stream-test", stateDir);
    }

    /** An update with a full sparkline (about 3 kB of JSON), as real figures have. */
    private static AssetMetrics update(String symbol, double price) {
        List<Double> sparkline = new ArrayList<>(Collections.nCopies(168, price + 0.123456789));
        return AssetMetrics.newBuilder().setSymbol(symbol).setPriceUsd(price).setVolume24hUsd(1.0).setVolume24hBase(1.0)
                .setSparkline7d(sparkline).setUpdatedAt(FiguresFixture.T).build();
    }

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope("live-stream-test");
    }
}
