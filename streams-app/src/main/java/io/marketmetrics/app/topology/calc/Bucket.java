package io.marketmetrics.app.topology.calc;

/**
 * One time bucket of one market or asset: OHLC of the prices seen in it (by their own time, so
 * out-of-order trades within grace land correctly), and its volumes. A market bucket's prices are
 * trade prices; an asset bucket's prices are the aggregated prices evaluated in it. A bucket without
 * any price has NaN OHLC ({@link #hasPrice()} false), e.g. an asset whose trades have no USD rate yet.
 */
public record Bucket(long openTime, double open, long closeTime, double close, double high, double low,
                     double volumeBase, double volumeQuote, double volumeUsd, long tradeCount) {

    public static final Bucket EMPTY =
            new Bucket(Long.MAX_VALUE, Double.NaN, Long.MIN_VALUE, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0);

    /** No trade and no price yet: a bucket that does not exist. */
    public boolean isEmpty() {
        return tradeCount == 0 && !hasPrice();
    }

    public boolean hasPrice() {
        return !Double.isNaN(close);
    }

    /** This bucket with one more price at {@code time}: first by time opens, last by time (ties: latest seen) closes. */
    public Bucket withPrice(long time, double price) {
        if (!hasPrice()) {
            return new Bucket(time, price, time, price, price, price, volumeBase, volumeQuote, volumeUsd, tradeCount);
        }
        boolean opens = time < openTime;
        boolean closes = time >= closeTime;
        return new Bucket(opens ? time : openTime, opens ? price : open, closes ? time : closeTime, closes ? price : close,
                Math.max(high, price), Math.min(low, price), volumeBase, volumeQuote, volumeUsd, tradeCount);
    }

    /** This bucket with one more trade's volumes (a trade without a USD rate adds 0 USD). */
    public Bucket withVolume(double base, double quote, double usd) {
        return new Bucket(openTime, open, closeTime, close, high, low,
                volumeBase + base, volumeQuote + quote, volumeUsd + usd, tradeCount + 1);
    }
}
