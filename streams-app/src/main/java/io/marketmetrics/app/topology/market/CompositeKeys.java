package io.marketmetrics.app.topology.market;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keys of the form {@code first 0x00 second} that sort by {@code first} and can be scanned by the prefix
 * {@code first 0x00}. Symbols and ids never contain a NUL byte.
 */
final class CompositeKeys {

    private static final BytesSerializer PREFIX = new BytesSerializer();

    private CompositeKeys() {
    }

    private static Bytes prefix(String first) {
        return Bytes.wrap(ByteBuffer.allocate(length(first) + 1).put(utf8(first)).put((byte) 0).array());
    }

    static Bytes of(String first, String second) {
        byte[] s = utf8(second);
        return Bytes.wrap(ByteBuffer.allocate(length(first) + 1 + s.length).put(utf8(first)).put((byte) 0).put(s).array());
    }

    /** {@code first 0x00} then {@code second} as 8 big-endian bytes: sorts by {@code second} for values >= 0. */
    static Bytes of(String first, long second) {
        return Bytes.wrap(ByteBuffer.allocate(length(first) + 9).put(utf8(first)).put((byte) 0).putLong(second).array());
    }

    static String second(Bytes key) {
        byte[] k = key.get();
        int at = 0;
        while (k[at] != 0) {
            at++;
        }
        return new String(k, at + 1, k.length - at - 1, StandardCharsets.UTF_8);
    }

    /** The entries of {@code store} whose key starts with {@code first 0x00}, in key order. */
    static <V> List<KeyValue<Bytes, V>> withPrefix(KeyValueStore<Bytes, V> store, String first) {
        List<KeyValue<Bytes, V>> out = new ArrayList<>();
        try (KeyValueIterator<Bytes, V> it = store.prefixScan(prefix(first), PREFIX)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private static int length(String s) {
        return utf8(s).length;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
