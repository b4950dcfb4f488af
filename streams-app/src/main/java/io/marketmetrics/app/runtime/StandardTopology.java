package io.marketmetrics.app.runtime;

import java.util.Map;

import io.marketmetrics.app.topology.MetricsConfig;
import io.marketmetrics.app.topology.MetricsTopology;
import io.marketmetrics.app.topology.StoreNames;
import io.marketmetrics.app.topology.TopologyStreamsConfig;
import io.marketmetrics.serde.AvroSerdeConfig;

/** The metrics topology with its default figures' settings, for the given cluster and registry. */
public final class StandardTopology {

    private StandardTopology() {
    }

    public static AppTopology of(AppSettings settings) {
        MetricsConfig config = MetricsConfig.defaults(settings.topics(),
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, settings.schemaRegistryUrl()));
        return new AppTopology(MetricsTopology.build(config), TopologyStreamsConfig.properties(config),
                StoreNames.ASSET_METRICS, StoreNames.MARKET_METRICS);
    }
}
