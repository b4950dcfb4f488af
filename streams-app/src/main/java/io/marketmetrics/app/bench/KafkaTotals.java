package io.marketmetrics.app.bench;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the stream threads spent on Kafka, from the cumulative metrics of Kafka Streams and of its producers
 * (KIP-761, KIP-517): how long they were blocked on it in total, and of that in the producers' flush before each
 * commit and in the transactions' requests (begin, offsets, commit); the rest of the total is the consumers'
 * fetches and I/O. And how many records their producers sent: outputs, changelogs and repartitions alike.
 *
 * @param blockedSeconds     the stream threads' {@code blocked-time-ns-total}
 * @param flushSeconds       the producers' {@code flush-time-ns-total}
 * @param transactionSeconds the producers' {@code txn-begin-}, {@code txn-send-offsets-} and {@code txn-commit-time-ns-total}
 * @param recordsSent        the producers' {@code record-send-total}
 * @param sentByTopic        the same by topic ({@code producer-topic-metrics}), to tell changelogs from outputs
 */
record KafkaTotals(double blockedSeconds, double flushSeconds, double transactionSeconds, long recordsSent,
                   Map<String, Long> sentByTopic) {

    static KafkaTotals of(KafkaStreams streams) {
        double blocked = 0;
        double flush = 0;
        double transactions = 0;
        double sent = 0;
        Map<String, Long> byTopic = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (name.group().equals("stream-thread-metrics") && name.name().equals("blocked-time-ns-total")) {
                blocked += value(e.getValue());
            } else if (name.group().equals("producer-metrics")) {
                switch (name.name()) {
                    case "flush-time-ns-total" -> flush += value(e.getValue());
                    case "txn-begin-time-ns-total", "txn-send-offsets-time-ns-total", "txn-commit-time-ns-total" ->
                            transactions += value(e.getValue());
                    case "record-send-total" -> sent += value(e.getValue());
                    default -> {
                    }
                }
            } else if (name.group().equals("producer-topic-metrics") && name.name().equals("record-send-total")) {
                byTopic.merge(name.tags().get("topic"), Math.round(value(e.getValue())), Long::sum);
            }
        }
        return new KafkaTotals(blocked / 1e9, flush / 1e9, transactions / 1e9, Math.round(sent), byTopic);
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number n ? n.doubleValue() : 0;
    }

    KafkaTotals minus(KafkaTotals earlier) {
        Map<String, Long> byTopic = new TreeMap<>(sentByTopic);
        earlier.sentByTopic.forEach((topic, n) -> byTopic.merge(topic, -n, Long::sum));
        return new KafkaTotals(blockedSeconds - earlier.blockedSeconds, flushSeconds - earlier.flushSeconds,
                transactionSeconds - earlier.transactionSeconds, recordsSent - earlier.recordsSent, byTopic);
    }
}
