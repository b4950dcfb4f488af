package io.marketmetrics.app.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.TopologyDescription;

/**
 * Which stores a topology has, and for each partitioned store the source topics of its tasks: a store's
 * partition {@code p} is the task that reads partition {@code p} of those topics, which is how the
 * instances holding a store's partitions are found in the group metadata. Global stores are complete
 * on every instance.
 */
public final class StoreLayout {

    private final Map<String, Set<String>> sourceTopics;
    private final Set<String> globalStores;

    private StoreLayout(Map<String, Set<String>> sourceTopics, Set<String> globalStores) {
        this.sourceTopics = Map.copyOf(sourceTopics);
        this.globalStores = Set.copyOf(globalStores);
    }

    public static StoreLayout of(TopologyDescription description) {
        Map<String, Set<String>> sources = new HashMap<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            Set<String> topics = new HashSet<>();
            Set<String> stores = new HashSet<>();
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    topics.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                }
            }
            stores.forEach(store -> sources.put(store, topics));
        }
        Set<String> global = new HashSet<>();
        for (TopologyDescription.GlobalStore store : description.globalStores()) {
            global.addAll(store.processor().stores());
        }
        return new StoreLayout(sources, global);
    }

    public boolean has(String store) {
        return sourceTopics.containsKey(store) || globalStores.contains(store);
    }

    public boolean isGlobal(String store) {
        return globalStores.contains(store);
    }

    /**
     * True when {@code topic}, as the group metadata names it, is a source of {@code store}'s tasks.
     * The description names repartition topics without the application id that prefixes them in the
     * metadata ({@code <application.id>-<name>}).
     */
    boolean feeds(String store, String topic) {
        for (String source : sourceTopics.getOrDefault(store, Set.of())) {
            if (topic.equals(source) || topic.endsWith("-" + source)) {
                return true;
            }
        }
        return false;
    }
}
