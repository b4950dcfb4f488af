package io.marketmetrics.app.runtime;

import java.util.Map;

import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.MetricsTopology;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TopologyStreamsConfig;
import io.marketmetrics.serde.AvroSerdeConfig;

/** The metrics topology with its default figures' settings, for the given cluster and registry. */
public final class StandardTopology {

    // Retry a request to an unreachable (or failing, 5xx) registry for as long as it is down, each attempt logged,
    // instead of giving up after 3 retries: a trade that cannot be decoded would then become a dead letter, and a
    // store value or figure that cannot be encoded would fail its trade; both lose data. The stream thread waits
    // meanwhile; Kafka Streams aborts its open transaction and redoes the work once the registry answers.
    private static final int REGISTRY_RETRIES = Integer.MAX_VALUE;
    // At most 5 s between attempts (default 20 s), so that work resumes within seconds of the registry's return.
    private static final long REGISTRY_MAX_RETRY_WAIT_MS = 5_000;

    private StandardTopology() {
    }

    public static AppTopology of(AppSettings settings) {
        MetricsConfig config = MetricsConfig.defaults(settings.topics(), Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl(),
                AvroSerdeConfig.MAX_RETRIES, REGISTRY_RETRIES,
                AvroSerdeConfig.RETRIES_MAX_WAIT_MS, REGISTRY_MAX_RETRY_WAIT_MS));
        return new AppTopology(MetricsTopology.build(config), TopologyStreamsConfig.properties(config),
                StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS);
    }
}
