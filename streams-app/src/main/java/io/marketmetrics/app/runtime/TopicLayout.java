package io.marketmetrics.app.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The settings of every topic of the pipeline (INTERFACES.md, "Topics"): what {@link TopicProvisioner}
 * creates and checks. Compacted topics keep the latest value per key; event topics keep their
 * records for a retention time.
 */
public final class TopicLayout {

    /** Default partitions of every topic: a few instances of the app can share the work. */
    public static final int DEFAULT_PARTITIONS = 6;

    // How long events stay readable. Counted from the append time (see below), so a replay of
    // old history stays for as long as a live feed would.
    private static final Duration TRADES_RETENTION = Duration.ofDays(7);
    private static final Duration DLQ_RETENTION = Duration.ofDays(14);
    // Candles are the history behind charts: 1-minute ones for a week, hourly ones for a year.
    private static final Duration CANDLES_1M_RETENTION = Duration.ofDays(7);
    private static final Duration CANDLES_1H_RETENTION = Duration.ofDays(365);

    private final TopicNames names;
    private final int partitions;

    /** Topics of {@code partitions} partitions each, replicated as the cluster's default.replication.factor says. */
    public TopicLayout(TopicNames names, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.names = names;
        this.partitions = partitions;
    }

    public TopicNames names() {
        return names;
    }

    /** Every topic with its partitions, replication and non-default settings. */
    public List<NewTopic> topics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : names.referenceTopics()) {
            topics.add(topic(topic, compacted()));
        }
        for (String topic : names.metricTopics()) {
            topics.add(topic(topic, compacted()));
        }
        for (String topic : names.loopbackTopics()) {
            topics.add(topic(topic, compacted()));
        }
        topics.add(topic(names.trades(), events(TRADES_RETENTION)));
        topics.add(topic(names.candles1m(), events(CANDLES_1M_RETENTION)));
        topics.add(topic(names.candles1h(), events(CANDLES_1H_RETENTION)));
        topics.add(topic(names.tradesDlq(), events(DLQ_RETENTION)));
        return topics;
    }

    private NewTopic topic(String name, Map<String, String> configs) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
    }

    /** Latest value per key, forever: reference data and the latest figures. */
    private static Map<String, String> compacted() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    /**
     * Events kept for a retention time. The broker stamps each record with its append time:
     * a replay of trades from years ago carries old event times, and with the default
     * CreateTime the retention check would delete those segments at once, and a cluster that
     * sets message.timestamp.before.max.ms would reject them. The application reads event time from the
     * payload (the trade's eventTime), never from the record timestamp, so nothing is lost.
     */
    private static Map<String, String> events(Duration retention) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()),
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
    }
}
