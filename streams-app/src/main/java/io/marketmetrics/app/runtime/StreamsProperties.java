package io.marketmetrics.app.runtime;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** The Kafka Streams settings of one instance: the topology's own, then ours, then the user's. */
final class StreamsProperties {

    private StreamsProperties() {
    }

    static Properties of(AppSettings settings, Properties topologyProperties, HostInfo advertised) {
        Properties p = new Properties();
        p.putAll(topologyProperties);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        // Not the default under /tmp: tmp cleaners would delete the stores and force a full
        // restore from the changelogs at the next start.
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        // Published in the group metadata so that every instance can route a key to its owner.
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
        // A warm copy of every store on a second instance: when an instance dies, its partitions move to
        // the standby's holder and queries answer again in seconds, instead of after a restore from the
        // changelogs. A single instance places none (Streams warns that it cannot) and pays nothing.
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        p.putAll(settings.streamsOverrides());
        return p;
    }
}
