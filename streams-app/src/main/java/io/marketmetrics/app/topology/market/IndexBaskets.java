package io.marketmetrics.app.topology.market;

import io.marketmetrics.schema.IndexConstituent;
import io.marketmetrics.schema.IndexDefinition;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every basket seen of every index, by (index, effective time), so that the one in force at any evaluation
 * time can be applied (the topic is compacted and keeps only the latest); and the reverse index
 * (asset, index) of the indexes an asset's update concerns: as a constituent of one of the index's
 * baskets, or as the index token itself.
 */
final class IndexBaskets {

    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<Bytes, IndexDefinition> baskets;
    private final KeyValueStore<Bytes, byte[]> subscriptions;

    IndexBaskets(KeyValueStore<Bytes, IndexDefinition> baskets, KeyValueStore<Bytes, byte[]> subscriptions) {
        this.baskets = baskets;
        this.subscriptions = subscriptions;
    }

    /** Adds a basket, or replaces the one of the same index and effective time (a correction). */
    void put(IndexDefinition basket) {
        String index = basket.getSymbol();
        baskets.put(CompositeKeys.of(index, basket.getEffectiveFrom().toEpochMilli()), basket);
        subscriptions.put(CompositeKeys.of(index, index), NOTHING);
        for (IndexConstituent c : basket.getConstituents()) {
            subscriptions.put(CompositeKeys.of(c.getAsset(), index), NOTHING);
        }
    }

    /** Forgets the index and every basket it had. */
    void delete(String index) {
        for (String asset : assets(index)) {
            subscriptions.delete(CompositeKeys.of(asset, index));
        }
        for (KeyValue<Bytes, IndexDefinition> b : CompositeKeys.withPrefix(baskets, index)) {
            baskets.delete(b.key);
        }
    }

    /** The index's baskets by effective time, oldest first. */
    List<IndexDefinition> of(String index) {
        return CompositeKeys.withPrefix(baskets, index).stream().map(kv -> kv.value).toList();
    }

    /** The index token and every constituent of any of its baskets. */
    Set<String> assets(String index) {
        Set<String> assets = new LinkedHashSet<>();
        List<IndexDefinition> all = of(index);
        if (!all.isEmpty()) {
            assets.add(index);
        }
        all.forEach(b -> b.getConstituents().forEach(c -> assets.add(c.getAsset())));
        return assets;
    }

    /** The indexes that {@code asset} is the token or a constituent of. */
    List<String> indexesOf(String asset) {
        return CompositeKeys.withPrefix(subscriptions, asset).stream().map(kv -> CompositeKeys.second(kv.key)).toList();
    }

    /** The latest basket effective at or before {@code time}; null when none is yet. */
    static IndexDefinition inForce(List<IndexDefinition> baskets, long time) {
        IndexDefinition found = null;
        for (IndexDefinition b : baskets) {
            if (b.getEffectiveFrom().toEpochMilli() <= time) {
                found = b;
            }
        }
        return found;
    }
}
