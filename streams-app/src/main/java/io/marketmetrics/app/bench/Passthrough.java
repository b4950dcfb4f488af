package io.marketmetrics.app.bench;

import java.util.Properties;

import io.marketmetrics.topics.TopicNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline: the least a Kafka Streams application can do with the trades, read them as bytes, write
 * them to another topic and commit, with the pipeline's exactly-once guarantee. What it reaches on a
 * machine bounds what any topology can.
 */
final class Passthrough {

    private Passthrough() {
    }

    static String outputTopic(TopicNames topics) {
        return topics.prefix() + "passthrough";
    }

    static Topology topology(TopicNames topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.trades(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("passthrough-source"))
                .to(outputTopic(topics), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("passthrough-sink"));
        return builder.build();
    }

    /** The settings it shares with the pipeline's: exactly-once v2 and the run's overrides; the rest at Kafka's defaults. */
    static Properties properties(WorkerSpec spec) {
        Properties p = new Properties();
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, spec.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, spec.stateDir().toAbsolutePath().toString());
        p.putAll(spec.overrides());
        return p;
    }
}
