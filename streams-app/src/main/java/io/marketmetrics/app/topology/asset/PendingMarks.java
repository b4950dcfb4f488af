package io.marketmetrics.app.topology.asset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The market and asset keys whose figures changed since the last publication ({@link Publisher}). A store of
 * its own, so that under exactly-once a crash never loses a publication: marks and state commit together,
 * and marks left over are published after the restore.
 */
final class PendingMarks {

    /** A pending key: a market id or an asset symbol. */
    record Mark(boolean market, String key) {
    }

    private static final byte MARKET = 'm';
    private static final byte ASSET = 'a';
    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<Bytes, byte[]> marks;

    PendingMarks(KeyValueStore<Bytes, byte[]> marks) {
        this.marks = marks;
    }

    void market(String market) {
        marks.put(mark(MARKET, market), NOTHING);
    }

    void asset(String symbol) {
        marks.put(mark(ASSET, symbol), NOTHING);
    }

    /** Every pending key, no longer pending. */
    List<Mark> take() {
        List<Bytes> taken = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = marks.all()) {
            it.forEachRemaining((KeyValue<Bytes, byte[]> kv) -> taken.add(kv.key));
        }
        List<Mark> out = new ArrayList<>(taken.size());
        for (Bytes mark : taken) {
            byte[] bytes = mark.get();
            out.add(new Mark(bytes[0] == MARKET, new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8)));
            marks.delete(mark);
        }
        return out;
    }

    private static Bytes mark(byte kind, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[k.length + 1];
        out[0] = kind;
        System.arraycopy(k, 0, out, 1, k.length);
        return Bytes.wrap(out);
    }
}
