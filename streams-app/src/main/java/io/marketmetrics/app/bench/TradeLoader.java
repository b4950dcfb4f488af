package io.marketmetrics.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.marketmetrics.model.Symbols;
import io.marketmetrics.producers.Pacer;
import io.marketmetrics.producers.TradePublisher;
import io.marketmetrics.producers.kafka.PublishTarget;
import io.marketmetrics.producers.simulate.SimulatedMarkets;
import io.marketmetrics.producers.simulate.Simulator;
import io.marketmetrics.producers.simulate.SimulatorOptions;
import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Pre-loads simulated trades into a {@code trades} topic with the producers' own simulator and publisher. */
final class TradeLoader {

    /** Event time of the first trade: fixed, so equal settings give equal input. */
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final long SEED = 20261125L;

    private TradeLoader() {
    }

    /** How many trades were loaded, into how many distinct markets, and how fast. */
    record Loaded(long trades, int markets, double seconds) {
    }

    /**
     * Publishes {@code trades} trades of {@code markets} whose event times spread over {@code span}, as fast
     * as the broker takes them.
     */
    static Loaded load(BenchCluster cluster, TopicNames topics, SimulatedMarkets markets, long trades, Duration span) {
        double eventRate = trades / (span.toMillis() / 1000.0);
        Simulator simulator = new Simulator(new SimulatorOptions(markets, eventRate, SEED, 0, 0, trades, Pacer.MAX, START));
        // Bulk loading is not measured: larger batches than the publisher's live-feed defaults load faster.
        Map<String, Object> bulk = Map.of(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.LINGER_MS_CONFIG, 50,
                // One request in flight: a retried batch can never overtake a later one (out-of-order sequence).
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        Set<String> seen = new HashSet<>();
        long t0 = System.nanoTime();
        try (TradePublisher publisher = new TradePublisher(new PublishTarget(cluster.bootstrapServers(),
                cluster.registryUrl(), topics, PublishTarget.DEFAULT_TIMEOUT, bulk))) {
            simulator.run(trade -> {
                seen.add(Symbols.marketId(trade.getExchange(), trade.getBase(), trade.getQuote()));
                publisher.accept(trade);
            });
            publisher.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading trades", e);
        }
        return new Loaded(trades, seen.size(), (System.nanoTime() - t0) / 1e9);
    }
}
