package io.marketmetrics.app.topology.calc;

import java.util.List;

/**
 * The running figures of one subject's window of minute buckets {@code [end - length + 1, end]}: exact
 * volume sums and a trade count kept by bucket deltas, and the high and low with the buckets holding them.
 * Moving the window end subtracts only the buckets that leave, and recomputes the high or low only when
 * the bucket holding it leaves, so the cost per trade does not depend on the window length.
 */
public final class RollingWindow {

    public static final long NONE = Long.MIN_VALUE;
    /**
     * Minutes that moving the window end reads one by one before it reads a range instead, for the buckets that leave
     * it and that it does not hold (it holds the oldest one, {@link #oldestBucket}, and those read ahead). In a window
     * store a range read opens a RocksDB iterator on each segment it touches and seeks it, which costs several point
     * reads. Only for a window that holds at least one trade per {@link #SPARSE_MINUTES} minutes: in a sparser one most
     * minutes are empty, and the point reads would mostly find nothing before the range read.
     */
    static final int MAX_POINT_READS = 8;
    /** See {@link #MAX_POINT_READS}: below one trade in four minutes, point reads cost more than they save. */
    static final int SPARSE_MINUTES = 4;
    /**
     * Minutes read ahead in one range read when a window dense enough for point reads needs its next non-empty
     * bucket: the buckets found become the window's next oldest ones, one after the other, without a read each. A full
     * window of a market that trades most minutes found each next bucket with one or two point reads, 25 % of the
     * stream thread in a replay at full windows (docs/PERFORMANCE.md, fifteenth session).
     */
    static final int READ_AHEAD_MINUTES = 2 * MAX_POINT_READS;

    private final int length;
    private long end;
    private long oldest;
    private long tradeCount;
    private final ExactSum base;
    private final ExactSum quote;
    private final ExactSum usd;
    private Extremes extremes;
    /**
     * The oldest non-empty bucket as it stands, or null when not known (a summary stored before it was kept, whose
     * oldest bucket is read when it leaves). Kept so that a full window moves on without reading the bucket that leaves.
     */
    private Bucket oldestBucket;
    /**
     * Read ahead: every non-empty bucket in {@code (oldest, aheadTo]}, ascending, from {@link #aheadNext} on; none
     * known when {@code aheadTo} is {@link #NONE}. Not stored: a window read back from its store reads again.
     */
    private List<MinuteBucket> ahead = List.of();
    private int aheadNext;
    private long aheadTo = NONE;

    public RollingWindow(int length) {
        this(length, NONE, NONE, 0, new ExactSum(), new ExactSum(), new ExactSum(), Extremes.EMPTY);
    }

    public RollingWindow(int length, long end, long oldest, long tradeCount, ExactSum base, ExactSum quote, ExactSum usd,
                         Extremes extremes) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be >= 1 bucket: " + length);
        }
        this.length = length;
        this.end = end;
        this.oldest = oldest;
        this.tradeCount = tradeCount;
        this.base = base;
        this.quote = quote;
        this.usd = usd;
        this.extremes = extremes;
    }

    /**
     * Accounts for the bucket at {@code minute} having changed from {@code before} to {@code after} (a
     * bucket only grows). The minute must be inside the window once the end is moved to it.
     *
     * @return true when the oldest non-empty bucket changed (its expiry moved)
     */
    public boolean onBucketChange(long minute, Bucket before, Bucket after) {
        if (end != NONE && minute < firstMinute()) {
            throw new IllegalArgumentException("minute " + minute + " is before the window [" + firstMinute() + ", " + end + "]");
        }
        if (minute <= aheadTo) {
            dropAhead();
        }
        base.replace(before.volumeBase(), after.volumeBase());
        quote.replace(before.volumeQuote(), after.volumeQuote());
        usd.replace(before.volumeUsd(), after.volumeUsd());
        tradeCount += after.tradeCount() - before.tradeCount();
        extremes = extremes.with(minute, after);
        if (end == NONE || minute > end) {
            end = minute;
        }
        if (oldest == NONE || minute < oldest) {
            oldest = minute;
            oldestBucket = after;
            return true;
        }
        if (minute == oldest) {
            oldestBucket = after;
        }
        return false;
    }

    /**
     * Moves the window end to {@code newEnd} (never back), removing the buckets that leave it. {@code hours}
     * holds the same subject's hour buckets, used to find a new high or low in few reads.
     *
     * @return true when a non-empty bucket left: the figures changed
     */
    public boolean advanceTo(long newEnd, BucketSource minutes, BucketSource hours) {
        if (end != NONE && newEnd <= end) {
            return false;
        }
        end = newEnd;
        long first = firstMinute();
        if (oldest == NONE || oldest >= first) {
            return false;
        }
        boolean dense = tradeCount * SPARSE_MINUTES >= length;
        long readFrom = oldest;
        if (oldestBucket != null) {
            subtract(oldestBucket);
            readFrom = oldest + 1;
        } else {
            dropAhead();
        }
        while (aheadNext < ahead.size() && ahead.get(aheadNext).minute() < first) {
            subtract(ahead.get(aheadNext++).bucket());
        }
        if (aheadTo != NONE) {
            readFrom = Math.max(readFrom, aheadTo + 1);
        }
        subtractStored(readFrom, first - 1, minutes, dense ? MAX_POINT_READS : 0);
        MinuteBucket next;
        if (aheadNext < ahead.size()) {
            next = ahead.get(aheadNext++);
        } else {
            long from = Math.max(first, readFrom); // past what was read ahead and found empty
            dropAhead();
            next = dense ? readAhead(from, minutes) : minutes.first(from, end).orElse(null);
        }
        oldest = next == null ? NONE : next.minute();
        oldestBucket = next == null ? null : next.bucket();
        if (oldest == NONE) {
            extremes = Extremes.EMPTY;
        } else if (extremes.highMinute() < first || extremes.lowMinute() < first) {
            // the bucket holding the high or low (or, from an hour bucket, the earliest it may be) has left
            extremes = Extremes.over(first, end, minutes, hours);
        }
        return true;
    }

    private void subtract(Bucket b) {
        base.subtract(b.volumeBase());
        quote.subtract(b.volumeQuote());
        usd.subtract(b.volumeUsd());
        tradeCount -= b.tradeCount();
    }

    /**
     * Subtracts the buckets in {@code [from, to]} as read: point reads for a range of up to {@code pointReads}, else a
     * range read.
     */
    private void subtractStored(long from, long to, BucketSource minutes, int pointReads) {
        if (to - from < pointReads) {
            for (long n = from; n <= to; n++) {
                subtract(minutes.get(n));
            }
        } else {
            for (MinuteBucket leaving : minutes.range(from, to)) {
                subtract(leaving.bucket());
            }
        }
    }

    /**
     * The first non-empty bucket from {@code from} to the end, or null: one range read of {@link #READ_AHEAD_MINUTES},
     * whose further buckets are kept as read ahead, then if need be a range read of the rest for the first one.
     */
    private MinuteBucket readAhead(long from, BucketSource minutes) {
        long to = Math.min(end, from + READ_AHEAD_MINUTES - 1);
        List<MinuteBucket> found = minutes.range(from, to);
        if (found.isEmpty()) {
            return minutes.first(to + 1, end).orElse(null);
        }
        ahead = found;
        aheadNext = 1;
        aheadTo = to;
        return found.get(0);
    }

    private void dropAhead() {
        ahead = List.of();
        aheadNext = 0;
        aheadTo = NONE;
    }

    /** The minute at which the oldest non-empty bucket leaves the window, or {@link #NONE} when empty. */
    public long expiryMinute() {
        return oldest == NONE ? NONE : oldest + length;
    }

    public long firstMinute() {
        return end - length + 1;
    }

    public int length() {
        return length;
    }

    public long end() {
        return end;
    }

    public long oldest() {
        return oldest;
    }

    public long tradeCount() {
        return tradeCount;
    }

    public ExactSum baseSum() {
        return base;
    }

    public ExactSum quoteSum() {
        return quote;
    }

    public ExactSum usdSum() {
        return usd;
    }

    public double volumeBase() {
        return base.toDouble();
    }

    public double volumeQuote() {
        return quote.toDouble();
    }

    public double volumeUsd() {
        return usd.toDouble();
    }

    public Extremes extremes() {
        return extremes;
    }

    /** The oldest non-empty bucket, or null when not known. */
    public Bucket oldestBucket() {
        return oldestBucket;
    }

    /** Sets what {@link #oldestBucket()} gave, for a summary read back from its store. */
    public void restoreOldestBucket(Bucket bucket) {
        this.oldestBucket = bucket;
    }
}
