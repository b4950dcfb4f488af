package io.marketmetrics.app.topology.market;

import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The indexes, categories and assets whose figures may have changed since the last publication. A store
 * of its own, so that under exactly-once a crash never loses a publication (as in the asset stage).
 */
final class PendingKeys {

    enum Kind {
        INDEX("i"), CATEGORY("c"), ASSET("a");

        private final String tag;

        Kind(String tag) {
            this.tag = tag;
        }
    }

    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<Bytes, byte[]> marks;

    PendingKeys(KeyValueStore<Bytes, byte[]> marks) {
        this.marks = marks;
    }

    void mark(Kind kind, String key) {
        marks.put(CompositeKeys.of(kind.tag, key), NOTHING);
    }

    /** The pending keys of {@code kind}, no longer pending. */
    List<String> take(Kind kind) {
        return CompositeKeys.withPrefix(marks, kind.tag).stream().map(kv -> {
            marks.delete(kv.key);
            return CompositeKeys.second(kv.key);
        }).toList();
    }
}
