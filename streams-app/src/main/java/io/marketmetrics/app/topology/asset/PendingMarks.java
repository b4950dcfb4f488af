package io.marketmetrics.app.topology.asset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The market and asset keys whose figures changed since the last publication ({@link Publisher}). A store of
 * its own, so that under exactly-once a crash never loses a publication: marks and state commit together,
 * and marks left over are published after the restore.
 *
 * <p>The store is in RocksDB, which keeps the deletion of every mark taken until it compacts them away: a read
 * of the whole store every publication would step over all of them. So the publishing processor's marks go
 * under the number of the publication they wait for ({@code [0][publication][kind][key]}), and a publication
 * reads only its own; the rare marks of the task's other processors go under {@code [1][kind][key]}. The first
 * publication after a start reads everything once: marks left by the run before, in any layout (before
 * 2026-11-26 a mark was {@code [kind][key]}).
 */
final class PendingMarks {

    /** A pending key: a market id or an asset symbol. */
    record Mark(boolean market, String key) {
    }

    private static final byte NUMBERED = 0;
    private static final byte SIDE = 1;
    private static final byte MARKET = 'm';
    private static final byte ASSET = 'a';
    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<Bytes, byte[]> marks;
    private final boolean publisher;
    /** The publication the marks made now wait for. */
    private long publication;
    /** Every mark of an earlier publication was taken; unknown (negative) until the first {@link #take()}. */
    private long takenBefore = -1;
    /** The publisher's keys already marked for {@link #publication}. */
    private final Set<String> markedMarkets = new HashSet<>();
    private final Set<String> markedAssets = new HashSet<>();

    private PendingMarks(KeyValueStore<Bytes, byte[]> marks, boolean publisher) {
        this.marks = marks;
        this.publisher = publisher;
    }

    /** The marks of the processor that publishes (and {@link #take()}s them). */
    static PendingMarks forPublisher(KeyValueStore<Bytes, byte[]> marks) {
        return new PendingMarks(marks, true);
    }

    /** The marks of another processor of the same task: it only marks. */
    static PendingMarks forOthers(KeyValueStore<Bytes, byte[]> marks) {
        return new PendingMarks(marks, false);
    }

    void market(String market) {
        if (!publisher || markedMarkets.add(market)) {
            marks.put(mark(MARKET, market), NOTHING);
        }
    }

    void asset(String symbol) {
        if (!publisher || markedAssets.add(symbol)) {
            marks.put(mark(ASSET, symbol), NOTHING);
        }
    }

    /** Every pending key, each once, no longer pending. */
    List<Mark> take() {
        if (!publisher) {
            throw new IllegalStateException("only the publishing processor takes the marks");
        }
        Set<Mark> taken = new LinkedHashSet<>();
        List<Bytes> done = new ArrayList<>();
        long latest = publication;
        if (takenBefore < 0) {
            try (KeyValueIterator<Bytes, byte[]> it = marks.all()) {
                while (it.hasNext()) {
                    byte[] key = it.next().key.get();
                    if (key[0] == NUMBERED) {
                        latest = Math.max(latest, ByteBuffer.wrap(key, 1, Long.BYTES).getLong());
                    }
                    done.add(Bytes.wrap(key));
                    taken.add(parse(key));
                }
            }
        } else {
            read(marks.range(numbered(takenBefore), numbered(publication + 1)), taken, done);
            read(marks.range(Bytes.wrap(new byte[] {SIDE}), Bytes.wrap(new byte[] {SIDE + 1})), taken, done);
        }
        done.forEach(marks::delete);
        markedMarkets.clear();
        markedAssets.clear();
        takenBefore = latest + 1;
        publication = takenBefore;
        return new ArrayList<>(taken);
    }

    private static void read(KeyValueIterator<Bytes, byte[]> range, Set<Mark> taken, List<Bytes> done) {
        try (range) {
            range.forEachRemaining((KeyValue<Bytes, byte[]> kv) -> {
                done.add(kv.key);
                taken.add(parse(kv.key.get()));
            });
        }
    }

    private Bytes mark(byte kind, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = publisher
                ? ByteBuffer.allocate(1 + Long.BYTES + 1 + k.length).put(NUMBERED).putLong(publication)
                : ByteBuffer.allocate(2 + k.length).put(SIDE);
        return Bytes.wrap(out.put(kind).put(k).array());
    }

    /** Sorts before every mark waiting for publication {@code n} or later, after every earlier one. */
    private static Bytes numbered(long n) {
        return Bytes.wrap(ByteBuffer.allocate(1 + Long.BYTES).put(NUMBERED).putLong(n).array());
    }

    private static Mark parse(byte[] key) {
        int kind = switch (key[0]) {
            case NUMBERED -> 1 + Long.BYTES;
            case SIDE -> 1;
            default -> 0; // the layout before 2026-11-26
        };
        return new Mark(key[kind] == MARKET, new String(key, kind + 1, key.length - kind - 1, StandardCharsets.UTF_8));
    }
}
