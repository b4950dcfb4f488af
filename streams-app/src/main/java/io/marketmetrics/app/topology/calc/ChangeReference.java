package io.marketmetrics.app.topology.calc;

/**
 * The reference of a 1h or 24h change: the aggregated price as it stood at the end of the latest minute
 * bucket {@code <= boundary} with an evaluation (METRICS.md, "window figures"). Reads at most one
 * partial hour of minute buckets, then hour buckets, then the carried price before the sparkline.
 */
public final class ChangeReference {

    private ChangeReference() {
    }

    /**
     * @param boundary a minute whose hour is inside the sparkline of {@code closes}
     * @return the price, or NaN when no evaluation is that old
     */
    public static double priceAtEndOf(long boundary, BucketSource minutes, BucketSource hours, HourlyCloses closes) {
        long hour = TimeBuckets.hourOfMinute(boundary);
        return minutes.lastPriced(TimeBuckets.firstMinuteOfHour(hour), boundary)
                .or(() -> hours.lastPriced(closes.firstSparklineHour(), hour - 1))
                .map(b -> b.bucket().close())
                .orElseGet(closes::beforeSparkline);
    }

    /**
     * The reference at {@code boundary}, given {@code reference}, the one at an earlier boundary {@code after}: the close
     * of the newest bucket in {@code (after, boundary]} with a price (an evaluation), read newest first, else
     * {@code reference} still. Only for final buckets.
     */
    public static double stepTo(double reference, long after, long boundary, BucketSource minutes) {
        for (long n = boundary; n > after; n--) {
            Bucket b = minutes.get(n);
            if (b.hasPrice()) {
                return b.close();
            }
        }
        return reference;
    }
}
