package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.Bucket;
import java.util.HashMap;
import java.util.Map;

/**
 * The buckets of one candle store that were written to it and whose candles are not emitted yet, by subject and
 * bucket number: what the minute sweep reads back when a candle becomes final (grace after its bucket's end), and
 * an out-of-order trade within grace. Written through: the store always holds them too, so after a restart, when
 * this is empty, {@link StoreBuckets} reads the store instead. Held from a bucket's write until its candle is
 * emitted, so at most the buckets of the grace period and a bucket length.
 */
final class AwaitingCandles {

    /** Compares the bucket number first, then the subject: cheaper than a record's generated equality. */
    private static final class Key {
        private final String subject;
        private final long n;

        Key(String subject, long n) {
            this.subject = subject;
            this.n = n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.n == n && k.subject.equals(subject);
        }

        @Override
        public int hashCode() {
            return 31 * subject.hashCode() + Long.hashCode(n);
        }
    }

    private final Map<Key, Bucket> buckets = new HashMap<>();

    Bucket get(String subject, long n) {
        return buckets.get(new Key(subject, n));
    }

    void put(String subject, long n, Bucket bucket) {
        buckets.put(new Key(subject, n), bucket);
    }

    void emitted(String subject, long n) {
        buckets.remove(new Key(subject, n));
    }

    int size() {
        return buckets.size();
    }
}
