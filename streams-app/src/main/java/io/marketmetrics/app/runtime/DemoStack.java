package io.marketmetrics.app.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.producers.Pacer;
import io.marketmetrics.producers.TradeSource;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.reference.ReferencePublisher;
import io.marketmetrics.producers.replay.ReplayOptions;
import io.marketmetrics.producers.replay.ReplaySource;
import io.marketmetrics.producers.simulate.SimulatedMarkets;
import io.marketmetrics.producers.simulate.Simulator;
import io.marketmetrics.producers.simulate.SimulatorOptions;
import io.marketmetrics.registry.KafkaSchemaStore;
import io.marketmetrics.registry.SchemaRegistryServer;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one process: a Kafka broker, the schema registry, the reference data, the
 * trade feeds and the metrics application with its HTTP API, all on 127.0.0.1. Started in that
 * order, stopped in the reverse one.
 */
public final class DemoStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoStack.class);
    private static final String HOST = "127.0.0.1";
    private static final String SCHEMAS_TOPIC = "_schemas";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final String APPLICATION_ID = "market-metrics";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<TradeFeed> feeds = new ArrayList<>();
    private EmbeddedKafkaBroker broker;
    private SchemaRegistryServer registry;
    private MetricsService service;
    private TopicNames topics;

    private DemoStack() {
    }

    public static DemoStack start(DemoOptions options) {
        DemoStack stack = new DemoStack();
        try {
            stack.startAll(options);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(DemoOptions options) {
        Path dataDir = options.dataDir().toAbsolutePath();
        topics = TopicNames.unprefixed();
        broker = track(EmbeddedKafkaBroker.start(dataDir, options.kafkaPort()));
        // Before any producer writes (the application checks them again when it starts): an
        // auto-created topic would get the broker's defaults.
        TopicProvisioner.provision(broker.bootstrapServers(), new TopicLayout(topics, options.partitions()));
        KafkaSchemaStore store = track(KafkaSchemaStore.open(broker.bootstrapServers(), SCHEMAS_TOPIC, STARTUP_TIMEOUT));
        registry = track(SchemaRegistryServer.start(HOST, options.registryPort(), store));

        PublishTarget target = new PublishTarget(broker.bootstrapServers(), registry.url(), topics,
                PublishTarget.DEFAULT_TIMEOUT, Map.of());
        ReferenceData reference = options.referenceFile() == null
                ? ReferenceData.bundled() : ReferenceData.load(options.referenceFile());
        long published = ReferencePublisher.publish(reference, target);
        log.info("Published {} reference records", published);

        AppSettings settings = new AppSettings(broker.bootstrapServers(), registry.url(), APPLICATION_ID,
                dataDir.resolve("streams"), HOST, options.httpPort(), null, topics, options.partitions(),
                // One instance by construction: a standby could never be placed, and Streams would warn
                // about every task at every rebalance.
                Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0"));
        service = track(MetricsService.start(settings, StandardTopology.of(settings), options.metrics()));

        for (Path file : options.replayFiles()) {
            feed(new ReplaySource(new ReplayOptions(file, null, "binance", null, Pacer.MAX, false)), target);
        }
        if (options.tradesPerSecond() > 0) {
            feed(new Simulator(new SimulatorOptions(SimulatedMarkets.bundled(reference), options.tradesPerSecond(),
                    System.nanoTime(), 0, 0, 0, 1.0, Instant.now())), target);
        }
    }

    private void feed(TradeSource source, PublishTarget target) {
        feeds.add(track(TradeFeed.start(source, target)));
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String httpUrl() {
        return "http://" + HOST + ":" + service.httpPort();
    }

    public MetricsService service() {
        return service;
    }

    public TopicNames topics() {
        return topics;
    }

    public List<TradeFeed> feeds() {
        return List.copyOf(feeds);
    }

    /** Stops feeds (flushing their trades), the application, the registry, then the broker. Idempotent. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Error while stopping {}: {}", resource.getClass().getSimpleName(), e.getMessage(), e);
            }
        }
    }
}
