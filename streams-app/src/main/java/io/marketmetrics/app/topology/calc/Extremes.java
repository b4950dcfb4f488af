package io.marketmetrics.app.topology.calc;

/** A high and a low with the buckets holding them; NaN and {@link #NONE} when there is no price. */
public record Extremes(double high, long highMinute, double low, long lowMinute) {

    public static final long NONE = Long.MIN_VALUE;
    public static final Extremes EMPTY = new Extremes(Double.NaN, NONE, Double.NaN, NONE);

    public boolean isEmpty() {
        return Double.isNaN(high);
    }

    /** These extremes with a bucket's prices; ties move to the later bucket, which leaves the window later. */
    public Extremes with(long minute, Bucket bucket) {
        if (!bucket.hasPrice()) {
            return this;
        }
        boolean newHigh = isEmpty() || bucket.high() > high || (bucket.high() == high && minute > highMinute);
        boolean newLow = isEmpty() || bucket.low() < low || (bucket.low() == low && minute > lowMinute);
        return new Extremes(newHigh ? bucket.high() : high, newHigh ? minute : highMinute,
                newLow ? bucket.low() : low, newLow ? minute : lowMinute);
    }

    /**
     * The extremes over minutes {@code [from, to]} in at most 60 minute reads and 24 hour reads: minute
     * buckets for the partial first hour, hour buckets after it (no bucket may lie after {@code to}). A
     * high or low found in an hour bucket is placed at the hour's first minute: no later than it really is.
     */
    public static Extremes over(long from, long to, BucketSource minutes, BucketSource hours) {
        long firstHour = TimeBuckets.hourOfMinute(from);
        long partialEnd = Math.min(to, TimeBuckets.firstMinuteOfHour(firstHour + 1) - 1);
        Extremes x = EMPTY;
        for (MinuteBucket b : minutes.range(from, partialEnd)) {
            x = x.with(b.minute(), b.bucket());
        }
        if (partialEnd < to) {
            for (MinuteBucket h : hours.range(firstHour + 1, TimeBuckets.hourOfMinute(to))) {
                x = x.with(TimeBuckets.firstMinuteOfHour(h.minute()), h.bucket());
            }
        }
        return x;
    }
}
