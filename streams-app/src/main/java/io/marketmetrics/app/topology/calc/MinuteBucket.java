package io.marketmetrics.app.topology.calc;

/** A non-empty bucket and the minute (or hour) it covers. */
public record MinuteBucket(long minute, Bucket bucket) {
}
