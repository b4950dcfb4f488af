package io.marketmetrics.app.topology.market;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The rank of every asset with a market cap, kept incrementally in a store ordered by (market cap descending,
 * symbol): the key's bytes sort in rank order and each value is the rank. When an asset's market cap changes,
 * only the assets between its old and its new position shift by one, so the work is the number of ranks
 * that change, which are exactly the ones to publish.
 */
final class Ranking {

    private final KeyValueStore<Bytes, Integer> order;

    Ranking(KeyValueStore<Bytes, Integer> order) {
        this.order = order;
    }

    /** The rank of {@code symbol} with market cap {@code cap} (NaN or negative: none); null when unranked. */
    Integer rank(String symbol, double cap) {
        return ranked(cap) ? order.get(key(cap, symbol)) : null;
    }

    /**
     * Moves {@code symbol} from market cap {@code before} to {@code after} (NaN: unranked) and reports every
     * symbol whose rank changed, itself included.
     */
    void move(String symbol, double before, double after, Consumer<String> changed) {
        Bytes from = ranked(before) ? key(before, symbol) : null;
        Bytes to = ranked(after) ? key(after, symbol) : null;
        if (from == null && to == null || from != null && from.equals(to)) {
            return;
        }
        int rank;
        if (from == null) {
            List<KeyValue<Bytes, Integer>> below = entries(to, null);
            rank = below.isEmpty() ? lastRank() + 1 : below.get(0).value;
            shift(below, +1, changed);
        } else {
            int old = order.get(from);
            order.delete(from);
            if (to == null) {
                shift(entries(from, null), -1, changed);
                changed.accept(symbol);
                return;
            }
            boolean up = to.compareTo(from) < 0;
            List<KeyValue<Bytes, Integer>> passed = up ? entries(to, from) : entries(from, to);
            shift(passed, up ? +1 : -1, changed);
            rank = up ? old - passed.size() : old + passed.size();
        }
        order.put(to, rank);
        changed.accept(symbol);
    }

    private void shift(List<KeyValue<Bytes, Integer>> entries, int by, Consumer<String> changed) {
        for (KeyValue<Bytes, Integer> e : entries) {
            order.put(e.key, e.value + by);
            changed.accept(symbol(e.key));
        }
    }

    /** Entries from {@code from} up to {@code to} (null: the end); the moving asset's own keys are not in the store. */
    private List<KeyValue<Bytes, Integer>> entries(Bytes from, Bytes to) {
        List<KeyValue<Bytes, Integer>> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, Integer> it = order.range(from, to)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private int lastRank() {
        try (KeyValueIterator<Bytes, Integer> it = order.reverseAll()) {
            return it.hasNext() ? it.next().value : 0;
        }
    }

    private static boolean ranked(double cap) {
        return cap >= 0;
    }

    /**
     * 8 bytes that sort unsigned in descending cap order (a non-negative double's bits grow with its value),
     * then the symbol, whose ASCII bytes sort like the symbols.
     */
    static Bytes key(double cap, String symbol) {
        byte[] s = symbol.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(8 + s.length)
                .putLong(Long.MAX_VALUE - Double.doubleToLongBits(cap + 0.0)).put(s).array());
    }

    private static String symbol(Bytes key) {
        byte[] k = key.get();
        return new String(k, 8, k.length - 8, StandardCharsets.UTF_8);
    }
}
