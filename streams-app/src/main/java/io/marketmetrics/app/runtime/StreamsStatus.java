package io.marketmetrics.app.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The demo's status line, read from the application's own metrics (no extra Kafka calls): trades
 * taken in by the topology per second, metric records produced per second, dead letters produced
 * since start, and the consumer lag on the trades topic.
 */
public final class StreamsStatus {

    private final KafkaStreams streams;
    private final String trades;
    private final String dlq;
    private final Set<String> outputs;
    private long lastNanos;
    private double lastIn;
    private double lastOut;

    public StreamsStatus(KafkaStreams streams, TopicNames topics) {
        this.streams = streams;
        this.trades = topics.trades();
        this.dlq = topics.tradesDlq();
        this.outputs = Set.copyOf(topics.metricTopics());
        this.lastNanos = System.nanoTime();
    }

    /** One line with the rates since the previous call. */
    public synchronized String line() {
        Map<MetricName, ? extends Metric> metrics = streams.metrics();
        double in = sum(metrics, "stream-topic-metrics", "records-consumed-total", trades::equals);
        double out = sum(metrics, "producer-topic-metrics", "record-send-total", outputs::contains);
        double dead = sum(metrics, "producer-topic-metrics", "record-send-total", dlq::equals);
        double lag = sum(metrics, "consumer-fetch-manager-metrics", "records-lag", trades::equals);
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        String line = String.format(Locale.ROOT, "%s | trades in %,.0f/s | metrics out %,.0f/s | DLQ %,.0f | lag %,.0f",
                streams.state(), (in - lastIn) / seconds, (out - lastOut) / seconds, dead, lag);
        lastNanos = now;
        lastIn = in;
        lastOut = out;
        return line;
    }

    /** Sums one metric over every client and partition of the topics accepted; unknown values (NaN) count 0. */
    private static double sum(Map<MetricName, ? extends Metric> metrics, String group, String name, Predicate<String> topic) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName m = e.getKey();
            if (m.group().equals(group) && m.name().equals(name) && m.tags().containsKey("topic") && topic.test(m.tags().get("topic"))) {
                Object value = e.getValue().metricValue();
                if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                    total += n.doubleValue();
                }
            }
        }
        return total;
    }
}
