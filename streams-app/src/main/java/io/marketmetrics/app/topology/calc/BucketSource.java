package io.marketmetrics.app.topology.calc;

import java.util.List;
import java.util.Optional;

/** Read access to one subject's buckets by bucket number (minute or hour): the stores in the topology, a map in tests. */
public interface BucketSource {

    /** Bucket {@code n}, or {@link Bucket#EMPTY} when there is none: a point read. */
    Bucket get(long n);

    /** The non-empty buckets in {@code [from, to]}, ascending. */
    List<MinuteBucket> range(long from, long to);

    /** The first non-empty bucket in {@code [from, to]}. */
    Optional<MinuteBucket> first(long from, long to);

    /** The last bucket with a price in {@code [from, to]}. */
    Optional<MinuteBucket> lastPriced(long from, long to);
}
