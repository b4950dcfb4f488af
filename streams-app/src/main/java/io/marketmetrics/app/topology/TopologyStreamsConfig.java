package io.marketmetrics.app.topology;

import io.marketmetrics.app.topology.hygiene.DeadLetterHandler;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings the metrics topology needs. The runtime adds bootstrap servers, application id,
 * state directory and {@code application.server}, and merges user overrides on top.
 */
public final class TopologyStreamsConfig {

    private static final int RESTORE_FETCH_WAIT_MS = 20;
    /** The input's fetch responses at most (a record batch larger than that still arrives whole). */
    static final int MAIN_FETCH_MAX_BYTES = 400_000;

    private TopologyStreamsConfig() {
    }

    public static Properties properties(MetricsConfig config) {
        Properties p = new Properties();
        // Each trade moves several stores and two outputs: all or nothing, also across a crash.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // The commit interval stays exactly-once's 100 ms. With a longer one (commit.interval.ms=1000), live input
        // still asks for a commit whenever figures have waited the publish interval (Publications), and input that
        // catches up (a replay, a backlog) commits at the longer interval: in the bench's replay 5-18 % less CPU
        // per trade, but at 10,000 assets x 5 venues over 1 GiB of peak RSS in three runs of four (docs/PERFORMANCE.md).
        // Generated names shift when the topology changes and orphan changelogs: refuse to start with one.
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // Undeserializable records, rejected trades and failed records go to the dead-letter topic and processing
        // continues (DeadLetterHandler); by default Kafka Streams would stop the application on the first one.
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().tradesDlq());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        // A bad record on a global topic (exchange reference, published prices) is logged and skipped by the same
        // handler instead of stopping the global thread (Kafka Streams 5.0's default).
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // The asset stage's task reads trades with asset-reference and asset-market-wide, which are nearly always
        // empty. Their records apply whenever they arrive (no figure depends on their timestamp order against trades),
        // so the task never waits for them; with the default (0), Kafka Streams 4.3 also formats log strings for each
        // empty partition before every record it processes (String.format: about 7 % of the stream thread in the bench).
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        // A start reads the global topics (and any changelog it restores) up to their end, which under exactly-once
        // is a transaction marker: the last fetch finds no record, and the broker holds it for fetch.max.wait.ms
        // (500 ms by default). The global thread restores its partitions one after the other before the stream
        // thread may start: 2.6 s of a restart with six partitions. The global and restore consumers only read
        // state, so a short wait costs little more than a few idle fetches.
        p.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), RESTORE_FETCH_WAIT_MS);
        p.put(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), RESTORE_FETCH_WAIT_MS);
        // A fetch response is read into one array: up to 1 MiB a partition by default, so several MiB for the six
        // partitions of trades. G1 takes an array of half a region or more (512 KiB below 2 GiB of heap) for a humongous
        // object, and each such allocation starts a concurrent marking cycle while the old generation is above its
        // threshold: up to 37 cycles in a bench drain. With responses of at most 400,000 bytes, which still hold about
        // 4,000 trades (four polls' worth), and the candle stores' changelog batches below that size too
        // (BatchLoggedWindowBytesStore.MAX_BATCH_BYTES), 2 to 4. The restore and global consumers keep the default.
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), MAIN_FETCH_MAX_BYTES);
        // One bounded RocksDB memory budget for the whole process instead of one per store.
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
        // Records written to changelogs carry the trades' event times; replaying history (years old) would have
        // the broker delete them at once by time retention, and a restore would then lose state. Broker append
        // time makes retention count from when they were written. Windowed stores restore by the time in their
        // keys, and the tables' timestamps are not used for any figure.
        p.put(StreamsConfig.topicPrefix(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG), "LogAppendTime");
        return p;
    }
}
