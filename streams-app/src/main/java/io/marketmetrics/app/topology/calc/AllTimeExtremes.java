package io.marketmetrics.app.topology.calc;

/**
 * ATH and ATL with the time each was first reached (METRICS.md, "extremes and valuation"); NaN and
 * {@link Extremes#NONE} before any. Merging a reference seed keeps whichever is more extreme, and of
 * equal prices the earlier time.
 */
public record AllTimeExtremes(double ath, long athTime, double atl, long atlTime) {

    public static final AllTimeExtremes NONE =
            new AllTimeExtremes(Double.NaN, Extremes.NONE, Double.NaN, Extremes.NONE);

    /** These extremes after an evaluation at {@code price} at {@code time}. */
    public AllTimeExtremes with(double price, long time) {
        return merge(new AllTimeExtremes(price, time, price, time));
    }

    /** The more extreme of each side; equal prices keep the earlier time (first reached). */
    public AllTimeExtremes merge(AllTimeExtremes o) {
        boolean takeHigh = !Double.isNaN(o.ath)
                && (Double.isNaN(ath) || o.ath > ath || (o.ath == ath && o.athTime < athTime));
        boolean takeLow = !Double.isNaN(o.atl)
                && (Double.isNaN(atl) || o.atl < atl || (o.atl == atl && o.atlTime < atlTime));
        return new AllTimeExtremes(takeHigh ? o.ath : ath, takeHigh ? o.athTime : athTime,
                takeLow ? o.atl : atl, takeLow ? o.atlTime : atlTime);
    }
}
