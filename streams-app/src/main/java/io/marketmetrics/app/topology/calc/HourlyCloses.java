package io.marketmetrics.app.topology.calc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The aggregated price at the end of each of the last {@code hours} hour buckets (the sparkline) plus the
 * one before them (the 7d change's reference), carried forward through hours without an evaluation; NaN
 * before the first evaluation. Constant size, updated in place as time moves on.
 */
public final class HourlyCloses {

    private long lastHour;
    private final double[] closes;

    public HourlyCloses(int hours) {
        this(Long.MIN_VALUE, filledNaN(hours + 1));
    }

    public HourlyCloses(long lastHour, double[] closes) {
        this.lastHour = lastHour;
        this.closes = closes;
    }

    /** Moves the last hour forward to {@code hour}, carrying the latest close into the new hours. */
    public void advanceTo(long hour) {
        if (lastHour == Long.MIN_VALUE) {
            lastHour = hour;
            return;
        }
        if (hour <= lastHour) {
            return;
        }
        int n = closes.length;
        double carry = closes[n - 1];
        long shift = hour - lastHour;
        if (shift >= n) {
            Arrays.fill(closes, carry);
        } else {
            int s = (int) shift;
            System.arraycopy(closes, s, closes, 0, n - s);
            Arrays.fill(closes, n - s, n, carry);
        }
        lastHour = hour;
    }

    /** Records an evaluation's price in {@code hour} (never before the last hour). */
    public void record(long hour, double price) {
        advanceTo(hour);
        closes[closes.length - 1] = price;
    }

    /** Closes of the last {@code hours} hour buckets, oldest first, null before the first evaluation. */
    public List<Double> sparkline() {
        List<Double> out = new ArrayList<>(closes.length - 1);
        for (int i = 1; i < closes.length; i++) {
            out.add(Double.isNaN(closes[i]) ? null : closes[i]);
        }
        return out;
    }

    /** The price at the end of the hour just before the sparkline: the 7d change's reference; NaN when none. */
    public double beforeSparkline() {
        return closes[0];
    }

    /** The hour of the sparkline's first point. */
    public long firstSparklineHour() {
        return lastHour - (closes.length - 2);
    }

    public long lastHour() {
        return lastHour;
    }

    public double[] closes() {
        return closes.clone();
    }

    private static double[] filledNaN(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
