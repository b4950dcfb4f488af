package io.marketmetrics.app.topology.calc;

/** The buckets of METRICS.md ("Words"): {@code m(t) = floor(t / 60 000)}, {@code h(t) = floor(t / 3 600 000)}. */
public final class TimeBuckets {

    public static final long MINUTE_MS = 60_000L;
    public static final long HOUR_MS = 3_600_000L;
    public static final long MINUTES_PER_HOUR = 60L;

    private TimeBuckets() {
    }

    public static long minute(long epochMs) {
        return Math.floorDiv(epochMs, MINUTE_MS);
    }

    public static long hour(long epochMs) {
        return Math.floorDiv(epochMs, HOUR_MS);
    }

    public static long hourOfMinute(long minute) {
        return Math.floorDiv(minute, MINUTES_PER_HOUR);
    }

    public static long firstMinuteOfHour(long hour) {
        return hour * MINUTES_PER_HOUR;
    }
}
