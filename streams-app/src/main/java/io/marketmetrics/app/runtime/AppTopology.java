package io.marketmetrics.app.runtime;

import java.util.Properties;

import org.apache.kafka.streams.Topology;

/**
 * What the runtime runs: a topology, the Streams settings it needs, and the names of the stores
 * the HTTP API reads.
 *
 * @param assetStore  key-value store: asset symbol -> AssetMetrics
 * @param marketStore key-value store: market id -> MarketMetrics, in the base asset's partition
 */
public record AppTopology(Topology topology, Properties properties, String assetStore, String marketStore) {
}
