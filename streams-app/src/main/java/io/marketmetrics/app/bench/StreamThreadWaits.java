package io.marketmetrics.app.bench;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How long the stream threads were blocked on Kafka, from the cumulative metrics of Kafka Streams and of its
 * producers (KIP-761, KIP-517): in total, and of that in the producers' flush before each commit and in the
 * transactions' requests (begin, offsets, commit). The rest of the total is the consumers' fetches and I/O.
 *
 * @param blockedSeconds     the stream threads' {@code blocked-time-ns-total}
 * @param flushSeconds       the producers' {@code flush-time-ns-total}
 * @param transactionSeconds the producers' {@code txn-begin-}, {@code txn-send-offsets-} and {@code txn-commit-time-ns-total}
 */
record StreamThreadWaits(double blockedSeconds, double flushSeconds, double transactionSeconds) {

    static StreamThreadWaits of(KafkaStreams streams) {
        double blocked = 0;
        double flush = 0;
        double transactions = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (name.group().equals("stream-thread-metrics") && name.name().equals("blocked-time-ns-total")) {
                blocked += value(e.getValue());
            } else if (name.group().equals("producer-metrics")) {
                switch (name.name()) {
                    case "flush-time-ns-total" -> flush += value(e.getValue());
                    case "txn-begin-time-ns-total", "txn-send-offsets-time-ns-total", "txn-commit-time-ns-total" ->
                            transactions += value(e.getValue());
                    default -> {
                    }
                }
            }
        }
        return new StreamThreadWaits(blocked / 1e9, flush / 1e9, transactions / 1e9);
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number n ? n.doubleValue() : 0;
    }

    StreamThreadWaits minus(StreamThreadWaits earlier) {
        return new StreamThreadWaits(blockedSeconds - earlier.blockedSeconds, flushSeconds - earlier.flushSeconds,
                transactionSeconds - earlier.transactionSeconds);
    }
}
