package io.marketmetrics.app.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.testing.Http;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * Benchmark, not a test: latency of {@code GET /api/v1/assets/{symbol}} at a fixed request rate, for keys
 * the instance asked holds (local read) and keys it forwards to the other instance. Two instances on one
 * embedded broker serve the figures of {@link FiguresFixture}. The load is open-loop: requests are due on a
 * fixed schedule whether or not earlier ones have finished (32 client connections take them in order), and
 * each latency counts from its scheduled time, so a stall shows in the percentiles instead of slowing the load (no coordinated omission).
 *
 * <pre>
 * ./mvnw -q -pl streams-app -am install -DskipTests
 * ./mvnw -q -pl streams-app test-compile org.codehaus.mojo:exec-maven-plugin:3.7.0:java \
 *     -Dexec.mainClass=io.marketmetrics.app.query.ApiLatencyBenchmark -Dexec.classpathScope=test \
 *     [-Dexec.args="RATE SECONDS"]     (default 1000 requests/s for 30 s per case, after 30 s of warm-up)
 * </pre>
 */
public final class ApiLatencyBenchmark {

    private static final String REGISTRY = "mock://api-latency-benchmark";
    // Connections (and client threads) at most: enough for 1,000 requests/s at several ms each.
    private static final int WORKERS = 32;
    // Long enough for the JIT to finish with the request path: with 10 s, the first case still ran partly
    // interpreted code and showed a worse tail than the second.
    private static final int WARM_UP_SECONDS = 30;

    private ApiLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path dir = Files.createTempDirectory("api-latency-benchmark");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            FiguresFixture.provisionTopics(bootstrap);
            FiguresFixture.publishAll(bootstrap, REGISTRY);
            try (MetricsService one = FiguresFixture.startInstance(bootstrap, REGISTRY, "api-latency-benchmark", dir.resolve("one"));
                 MetricsService two = FiguresFixture.startInstance(bootstrap, REGISTRY, "api-latency-benchmark", dir.resolve("two"))) {
                waitUntilSplit(one, two);
                String base = "http://127.0.0.1:" + one.httpPort() + "/api/v1/assets/";
                List<String> local = FiguresFixture.SYMBOLS.stream().filter(s -> isLocal(one, s)).toList();
                List<String> forwarded = FiguresFixture.SYMBOLS.stream().filter(s -> !isLocal(one, s)).toList();
                System.out.printf(Locale.ROOT, "local keys %s, forwarded keys %s; %d requests/s, %d s per case%n", local, forwarded, rate, seconds);
                run("warm-up", base, FiguresFixture.SYMBOLS, rate, WARM_UP_SECONDS);
                run("local", base, local, rate, seconds);
                run("forwarded", base, forwarded, rate, seconds);
            }
        }
        System.exit(0); // the embedded broker's non-daemon threads
    }

    private static void run(String name, String base, List<String> symbols, int rate, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        // Scheduled send times; a fixed set of workers (= of connections) takes them in order. When all are
        // busy, requests wait in the queue, and that wait counts in their latency.
        BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int w = 0; w < WORKERS; w++) {
            workers.submit(() -> {
                for (long[] job = due.take(); job[0] >= 0; job = due.take()) {
                    int n = (int) job[0];
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + symbols.get(n % symbols.size())))
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    try {
                        if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    latencies[n] = System.nanoTime() - job[1];
                }
                return null;
            });
        }
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(new long[] {i, scheduled});
        }
        for (int w = 0; w < WORKERS; w++) {
            due.add(new long[] {-1, 0});
        }
        workers.shutdown();
        workers.awaitTermination(120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%-9s %6d requests in %.1f s (%.0f/s), %d errors: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                name, total, elapsed, total / elapsed, errors.get(), ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                ms(latencies, 0.999), latencies[total - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static boolean isLocal(MetricsService instance, String symbol) {
        for (StreamsMetadata client : instance.streams().metadataForAllStreamsClients()) {
            if (client.hostInfo().equals(instance.advertised())) {
                return client.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(FiguresFixture.TOPICS.assetMetrics())
                        && tp.partition() == FiguresFixture.partitionOf(symbol));
            }
        }
        return false;
    }

    private static void waitUntilSplit(MetricsService one, MetricsService two) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            boolean running = one.streams().state() == KafkaStreams.State.RUNNING && two.streams().state() == KafkaStreams.State.RUNNING;
            long owners = one.streams().metadataForAllStreamsClients().stream().filter(c -> !c.topicPartitions().isEmpty()).count();
            if (running && owners == 2 && FiguresFixture.SYMBOLS.stream().anyMatch(s -> isLocal(one, s))
                    && FiguresFixture.SYMBOLS.stream().allMatch(s -> Http.get("http://127.0.0.1:" + one.httpPort() + "/api/v1/assets/" + s).status() == 200)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the two instances did not share the partitions within 120 s");
    }
}
