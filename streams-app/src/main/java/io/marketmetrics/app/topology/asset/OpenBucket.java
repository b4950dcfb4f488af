package io.marketmetrics.app.topology.asset;

import io.marketmetrics.app.topology.calc.Bucket;

/**
 * A subject's newest bucket of one length (its open minute or hour), kept in the subject's summary rather than
 * in the candle window store. Nearly every trade lands in its market's and asset's newest minute and hour, so
 * they are updated with the summary (one cached put per key per commit) instead of with a RocksDB read, a
 * write and a changelog record each per trade; {@link StoreBuckets} writes the bucket to the window store once,
 * when a newer one opens. Until then every reader overlays it on the store: the topology through
 * {@link StoreBuckets}, interactive queries through {@link OpenCandles}.
 */
final class OpenBucket {

    /** No bucket held: every bucket of the subject is in the window store (also state written before this existed). */
    static final long NONE = Long.MIN_VALUE;

    /** The bucket number (minute or hour since the epoch), or {@link #NONE}. */
    long n = NONE;
    Bucket bucket = Bucket.EMPTY;

    /** The open bucket {@code n}: its content, or null when it is not the open one. */
    Bucket get(long number) {
        return number == n && n != NONE ? bucket : null;
    }

    /** A subject's open minute and hour. */
    static final class Pair {
        final OpenBucket minute = new OpenBucket();
        final OpenBucket hour = new OpenBucket();

        OpenBucket of(boolean hourly) {
            return hourly ? hour : minute;
        }

        void write(Codec.Out out) {
            out.writeLong(minute.n).writeBucket(minute.bucket).writeLong(hour.n).writeBucket(hour.bucket);
        }

        /** Reads what {@link #write} wrote, or leaves both empty for state written before open buckets existed. */
        void readIfPresent(Codec.In in) {
            if (in.hasRemaining()) {
                minute.n = in.readLong();
                minute.bucket = in.readBucket();
                hour.n = in.readLong();
                hour.bucket = in.readBucket();
            }
        }
    }
}
