package io.marketmetrics.app.topology.asset;

import io.marketmetrics.schema.AssetMetrics;
import io.marketmetrics.schema.MarketMetrics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every evaluation goes into the queryable figure stores at once; the keys it touched are marked pending,
 * and {@link #flush()} (a wall-clock punctuation) forwards each pending key's latest figures once. So the
 * output topics get one record per key per publish interval however many trades moved it. The pending
 * marks are a store of their own, so under exactly-once a crash never loses a publication: marks and
 * store updates commit together, and marks left over are published after the restore.
 * <p>Why not the DSL's cached {@code toTable()}: after a key-changing {@code process()} it would insert a
 * repartition topic, moving market figures out of their base asset's partition and writing every evaluation
 * through the broker.
 */
final class Publisher {

    private static final byte MARKET = 'm';
    private static final byte ASSET = 'a';
    private static final byte[] NOTHING = new byte[0];

    private final ProcessorContext<String, SpecificRecord> context;
    private final KeyValueStore<String, MarketMetrics> marketFigures;
    private final KeyValueStore<String, AssetMetrics> assetFigures;
    private final KeyValueStore<Bytes, byte[]> pending;

    Publisher(ProcessorContext<String, SpecificRecord> context, KeyValueStore<String, MarketMetrics> marketFigures,
              KeyValueStore<String, AssetMetrics> assetFigures, KeyValueStore<Bytes, byte[]> pending) {
        this.context = context;
        this.marketFigures = marketFigures;
        this.assetFigures = assetFigures;
        this.pending = pending;
    }

    void market(MarketMetrics figures) {
        marketFigures.put(figures.getMarket(), figures);
        pending.put(mark(MARKET, figures.getMarket()), NOTHING);
    }

    void asset(AssetMetrics figures) {
        assetFigures.put(figures.getSymbol(), figures);
        pending.put(mark(ASSET, figures.getSymbol()), NOTHING);
    }

    /** Forwards the latest figures of every pending key, each with its evaluation time as timestamp. */
    void flush() {
        List<Bytes> marks = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = pending.all()) {
            it.forEachRemaining((KeyValue<Bytes, byte[]> kv) -> marks.add(kv.key));
        }
        for (Bytes mark : marks) {
            byte[] bytes = mark.get();
            String key = new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
            if (bytes[0] == MARKET) {
                MarketMetrics m = marketFigures.get(key);
                context.forward(new Record<>(key, m, m.getUpdatedAt().toEpochMilli()));
            } else {
                AssetMetrics a = assetFigures.get(key);
                context.forward(new Record<>(key, a, a.getUpdatedAt().toEpochMilli()));
            }
            pending.delete(mark);
        }
    }

    private static Bytes mark(byte kind, String key) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[k.length + 1];
        out[0] = kind;
        System.arraycopy(k, 0, out, 1, k.length);
        return Bytes.wrap(out);
    }
}
