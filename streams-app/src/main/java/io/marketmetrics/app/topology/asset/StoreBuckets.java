package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.app.topology.calc.BucketSource;
import io.marketmetrics.app.topology.calc.MinuteBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * One subject's buckets of one length: the closed ones in a window store whose windows are {@code bucketMs}
 * long (those whose candles are not emitted yet also in memory, {@link AwaitingCandles}), the newest in the
 * subject's summary ({@link OpenBucket}), addressed by bucket number. The store never
 * holds a bucket newer than the open one; it may hold an older copy of it (written before open buckets
 * existed), which the open one hides.
 */
final class StoreBuckets implements BucketSource {

    private final WindowStore<String, Bucket> store;
    private final AwaitingCandles awaiting;
    private final String subject;
    private final long bucketMs;
    private final OpenBucket open;

    StoreBuckets(WindowStore<String, Bucket> store, AwaitingCandles awaiting, String subject, long bucketMs, OpenBucket open) {
        this.store = store;
        this.awaiting = awaiting;
        this.subject = subject;
        this.bucketMs = bucketMs;
        this.open = open;
    }

    @Override
    public Bucket get(long n) {
        Bucket held = open.get(n);
        if (held != null) {
            return held;
        }
        if (open.n != OpenBucket.NONE && n > open.n) {
            return Bucket.EMPTY;
        }
        Bucket recent = awaiting.get(subject, n);
        if (recent != null) {
            return recent;
        }
        Bucket b = store.fetch(subject, n * bucketMs);
        return b == null ? Bucket.EMPTY : b;
    }

    /** Sets bucket {@code n}: the open one, a newer one (the open one is then written to the store), or an older one. */
    void put(long n, Bucket bucket) {
        if (n == open.n) {
            open.bucket = bucket;
        } else if (n > open.n) {
            if (open.n != OpenBucket.NONE) {
                write(open.n, open.bucket);
            }
            open.n = n;
            open.bucket = bucket;
        } else {
            write(n, bucket);
        }
    }

    /** A bucket written before its candle is emitted: to the store, and held until {@link #emitted}. */
    private void write(long n, Bucket bucket) {
        store.put(subject, bucket, n * bucketMs);
        awaiting.put(subject, n, bucket);
    }

    /** Bucket {@code n}'s candle was emitted: no longer read back but from the store. */
    void emitted(long n) {
        awaiting.emitted(subject, n);
    }

    /** Writes bucket {@code n} to the store if it is the open one, which is then empty; true if it was. */
    boolean close(long n) {
        if (open.get(n) == null) {
            return false;
        }
        store.put(subject, open.bucket, n * bucketMs);
        open.n = OpenBucket.NONE;
        open.bucket = Bucket.EMPTY;
        return true;
    }

    @Override
    public List<MinuteBucket> range(long from, long to) {
        List<MinuteBucket> out = new ArrayList<>();
        if (from <= to) {
            try (WindowStoreIterator<Bucket> it = store.fetch(subject, from * bucketMs, to * bucketMs)) {
                while (it.hasNext()) {
                    MinuteBucket b = toBucket(it.next());
                    if (b.minute() != open.n) {
                        out.add(b);
                    }
                }
            }
            openIn(from, to, false).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<MinuteBucket> first(long from, long to) {
        if (from > to) {
            return Optional.empty();
        }
        try (WindowStoreIterator<Bucket> it = store.fetch(subject, from * bucketMs, to * bucketMs)) {
            while (it.hasNext()) {
                MinuteBucket b = toBucket(it.next());
                if (b.minute() != open.n) {
                    return Optional.of(b);
                }
            }
        }
        return openIn(from, to, false);
    }

    @Override
    public Optional<MinuteBucket> lastPriced(long from, long to) {
        if (from > to) {
            return Optional.empty();
        }
        Optional<MinuteBucket> newest = openIn(from, to, true);
        if (newest.isPresent()) {
            return newest;
        }
        // The newest bucket of the range is usually priced (the asset traded in it): a point read, no iterator.
        if (to != open.n) {
            Bucket last = store.fetch(subject, to * bucketMs);
            if (last != null && last.hasPrice()) {
                return Optional.of(new MinuteBucket(to, last));
            }
        }
        try (WindowStoreIterator<Bucket> it = store.backwardFetch(subject, from * bucketMs, to * bucketMs)) {
            while (it.hasNext()) {
                MinuteBucket b = toBucket(it.next());
                if (b.minute() != open.n && b.bucket().hasPrice()) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    /** The open bucket if it lies in {@code [from, to]} and is not empty (with a price, if {@code priced}). */
    private Optional<MinuteBucket> openIn(long from, long to, boolean priced) {
        boolean in = open.n != OpenBucket.NONE && from <= open.n && open.n <= to;
        boolean counts = priced ? open.bucket.hasPrice() : !open.bucket.isEmpty();
        return in && counts ? Optional.of(new MinuteBucket(open.n, open.bucket)) : Optional.empty();
    }

    private MinuteBucket toBucket(KeyValue<Long, Bucket> kv) {
        return new MinuteBucket(Math.floorDiv(kv.key, bucketMs), kv.value);
    }
}
