package io.marketmetrics.app.topology.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Buckets in a sorted map, standing in for a window store. */
final class TreeBucketSource implements BucketSource {

    final TreeMap<Long, Bucket> buckets = new TreeMap<>();

    @Override
    public Bucket get(long n) {
        return buckets.getOrDefault(n, Bucket.EMPTY);
    }

    void put(long n, Bucket b) {
        buckets.put(n, b);
    }

    @Override
    public List<MinuteBucket> range(long from, long to) {
        List<MinuteBucket> out = new ArrayList<>();
        if (from <= to) {
            buckets.subMap(from, true, to, true).forEach((n, b) -> out.add(new MinuteBucket(n, b)));
        }
        return out;
    }

    @Override
    public Optional<MinuteBucket> first(long from, long to) {
        // A lookup, not a copy of the range: the JMH window benchmark calls it on every minute of a 7-day window.
        Map.Entry<Long, Bucket> e = from <= to ? buckets.ceilingEntry(from) : null;
        return e == null || e.getKey() > to ? Optional.empty() : Optional.of(new MinuteBucket(e.getKey(), e.getValue()));
    }

    @Override
    public Optional<MinuteBucket> lastPriced(long from, long to) {
        if (from > to) {
            return Optional.empty();
        }
        for (Map.Entry<Long, Bucket> e : buckets.subMap(from, true, to, true).descendingMap().entrySet()) {
            if (e.getValue().hasPrice()) {
                return Optional.of(new MinuteBucket(e.getKey(), e.getValue()));
            }
        }
        return Optional.empty();
    }
}
