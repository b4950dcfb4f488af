package io.marketmetrics.app.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.marketmetrics.app.runtime.AppSettings;
import io.marketmetrics.app.runtime.AppTopology;
import io.marketmetrics.app.runtime.MetricsService;
import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.MetricsTopology;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TopologyStreamsConfig;
import io.marketmetrics.embedded.EmbeddedKafkaBroker;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.producers.reference.ReferenceData;
import io.marketmetrics.producers.reference.ReferencePublisher;
import io.marketmetrics.producers.simulate.SimulatedMarkets;
import io.marketmetrics.producers.simulate.Simulator;
import io.marketmetrics.producers.simulate.SimulatorOptions;
import io.marketmetrics.schema.TakerSide;
import io.marketmetrics.schema.Trade;
import io.marketmetrics.serde.AvroSerdeConfig;
import io.marketmetrics.serde.MockSchemaRegistry;
import io.marketmetrics.topics.TopicNames;

/**
 * The real metrics application on a real broker with trades flowing: the bundled reference data, the
 * simulator in real time (with duplicates), and a few bad trades of each kind, so that every pipeline
 * meter has something to count.
 */
final class RunningPipeline implements AutoCloseable {

    private static final String REGISTRY = "mock://metrics-pipeline";
    private static final int PARTITIONS = 2;

    private final EmbeddedKafkaBroker broker;
    private final MetricsService app;
    private final Simulator simulator;
    private final Thread feed;

    private RunningPipeline(EmbeddedKafkaBroker broker, MetricsService app, Simulator simulator, Thread feed) {
        this.broker = broker;
        this.app = app;
        this.simulator = simulator;
        this.feed = feed;
    }

    static RunningPipeline start(Path dir, MetricsSettings metrics) throws Exception {
        TopicNames topics = TopicNames.unprefixed();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        MetricsConfig config = MetricsConfig.defaults(topics, Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY));
        AppSettings settings = new AppSettings(broker.bootstrapServers(), REGISTRY, "metrics-test", dir.resolve("state"),
                "127.0.0.1", 0, null, topics, PARTITIONS, Map.of());
        MetricsService app = MetricsService.start(settings, new AppTopology(MetricsTopology.build(config),
                TopologyStreamsConfig.properties(config), StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS), metrics);
        PublishTarget target = new PublishTarget(broker.bootstrapServers(), REGISTRY, topics, Duration.ofSeconds(15), Map.of());
        ReferencePublisher.publish(ReferenceData.bundled(), target);
        Simulator simulator = new Simulator(new SimulatorOptions(SimulatedMarkets.bundled(), 40, 7, 0, 5, 0, 1.0, Instant.now()));
        Thread feed = new Thread(() -> {
            try (TradePublisher publisher = new TradePublisher(target)) {
                badTrades(publisher);
                simulator.run(publisher);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-feed");
        feed.setDaemon(true);
        feed.start();
        return new RunningPipeline(broker, app, simulator, feed);
    }

    /** One invalid trade, one trade without a USD rate, and one late trade (after a current one). */
    private static void badTrades(TradePublisher publisher) {
        Instant now = Instant.now();
        publisher.accept(trade("binance", "BTC", "USDT", 0.0, now, "bad-1"));
        publisher.accept(trade("kraken", "BTC", "EUR", 90_000.0, now, "eur-1"));
        publisher.accept(trade("coinbase", "ETH", "USD", 2_500.0, now, "eth-now"));
        publisher.accept(trade("coinbase", "ETH", "USD", 2_500.0, now.minus(Duration.ofMinutes(30)), "eth-late"));
        publisher.flush();
    }

    private static Trade trade(String exchange, String base, String quote, double price, Instant time, String id) {
        return Trade.newBuilder().setExchange(exchange).setBase(base).setQuote(quote).setPrice(price).setQuantity(0.5)
                .setTradeId(id).setSide(TakerSide.BUY).setEventTime(time).build();
    }

    int httpPort() {
        return app.httpPort();
    }

    @Override
    public void close() throws Exception {
        simulator.close();
        feed.join(10_000);
        app.close();
        broker.close();
        MockSchemaRegistry.dropScope("metrics-pipeline");
    }
}
