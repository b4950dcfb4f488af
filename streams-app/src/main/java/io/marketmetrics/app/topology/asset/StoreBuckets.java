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

/** One subject's buckets in a window store whose windows are {@code bucketMs} long, addressed by bucket number. */
final class StoreBuckets implements BucketSource {

    private final WindowStore<String, Bucket> store;
    private final String subject;
    private final long bucketMs;

    StoreBuckets(WindowStore<String, Bucket> store, String subject, long bucketMs) {
        this.store = store;
        this.subject = subject;
        this.bucketMs = bucketMs;
    }

    Bucket get(long n) {
        Bucket b = store.fetch(subject, n * bucketMs);
        return b == null ? Bucket.EMPTY : b;
    }

    void put(long n, Bucket bucket) {
        store.put(subject, bucket, n * bucketMs);
    }

    @Override
    public List<MinuteBucket> range(long from, long to) {
        List<MinuteBucket> out = new ArrayList<>();
        if (from <= to) {
            try (WindowStoreIterator<Bucket> it = store.fetch(subject, from * bucketMs, to * bucketMs)) {
                it.forEachRemaining(kv -> out.add(toBucket(kv)));
            }
        }
        return out;
    }

    @Override
    public Optional<MinuteBucket> first(long from, long to) {
        if (from > to) {
            return Optional.empty();
        }
        try (WindowStoreIterator<Bucket> it = store.fetch(subject, from * bucketMs, to * bucketMs)) {
            return it.hasNext() ? Optional.of(toBucket(it.next())) : Optional.empty();
        }
    }

    @Override
    public Optional<MinuteBucket> lastPriced(long from, long to) {
        if (from > to) {
            return Optional.empty();
        }
        try (WindowStoreIterator<Bucket> it = store.backwardFetch(subject, from * bucketMs, to * bucketMs)) {
            while (it.hasNext()) {
                MinuteBucket b = toBucket(it.next());
                if (b.bucket().hasPrice()) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    private MinuteBucket toBucket(KeyValue<Long, Bucket> kv) {
        return new MinuteBucket(Math.floorDiv(kv.key, bucketMs), kv.value);
    }
}
