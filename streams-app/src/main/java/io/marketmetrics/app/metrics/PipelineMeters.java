package io.marketmetrics.app.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.app.topology.hygiene.RejectReason;
import io.marketmetrics.topics.TopicNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The pipeline meters that the Kafka clients of Kafka Streams feed through {@link TradeInputInterceptor}
 * and {@link OutputInterceptor}: what the topology reads and writes, seen at the client, so the topology
 * stays free of metrics code. Every tag has a bounded set of values.
 */
public final class PipelineMeters {

    /** The client-config key under which the interceptors find this object. */
    static final String CONFIG = "mm.pipeline.meters";
    /** The {@code reason} tag of a dead letter whose header names no {@link RejectReason}. */
    static final String UNKNOWN_REASON = "UNKNOWN";
    // From a fast in-memory update to a stuck pipeline: the buckets behind the p50/p99 panels and the alert.
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(5)};

    private final TopicNames topics;
    private final Counter received;
    private final Map<String, Timer> latency;
    private final Map<String, Counter> deadLetters = new HashMap<>();

    PipelineMeters(TopicNames topics, MeterRegistry registry) {
        this.topics = topics;
        this.received = Counter.builder("mm.trades.received")
                .description("Records read from the trades topic (before hygiene)").register(registry);
        this.latency = Map.of(
                topics.assetMetrics(), latencyTimer(registry, "asset-metrics"),
                topics.marketMetrics(), latencyTimer(registry, "market-metrics"));
        // Every reason from the start, so that rates and ratios exist before the first dead letter.
        for (RejectReason reason : RejectReason.values()) {
            deadLetters.put(reason.name(), deadLetterCounter(registry, reason.name()));
        }
        deadLetters.put(UNKNOWN_REASON, deadLetterCounter(registry, UNKNOWN_REASON));
    }

    private static Counter deadLetterCounter(MeterRegistry registry, String reason) {
        return Counter.builder("mm.dlq.writes").description("Records written to the dead-letter topic, by reason")
                .tag("reason", reason).register(registry);
    }

    private static Timer latencyTimer(MeterRegistry registry, String output) {
        return Timer.builder("mm.e2e.latency")
                .description("From the event time of the trade behind a metric update to its acknowledgement by Kafka")
                .tag("output", output)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    TopicNames topics() {
        return topics;
    }

    void received(int records) {
        received.increment(records);
    }

    /** A metric update reached Kafka: {@code timestamp} is its evaluation (event) time. */
    void written(String topic, long timestamp, long nowMillis) {
        Timer timer = latency.get(topic);
        if (timer != null) {
            timer.record(Math.max(0, nowMillis - timestamp), TimeUnit.MILLISECONDS);
        }
    }

    /** A dead letter with this reason header (null: none); a value that is no {@link RejectReason} counts as unknown. */
    void deadLetter(String reason) {
        deadLetters.getOrDefault(reason == null ? UNKNOWN_REASON : reason, deadLetters.get(UNKNOWN_REASON)).increment();
    }
}
