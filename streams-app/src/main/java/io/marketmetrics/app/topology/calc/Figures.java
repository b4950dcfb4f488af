package io.marketmetrics.app.topology.calc;

/** The small formulas of METRICS.md: percent change and valuation; null in, or a zero base, gives null. */
public final class Figures {

    private Figures() {
    }

    /** {@code 100 x (value - ref) / ref}. */
    public static Double pctChange(Double value, Double ref) {
        if (value == null || ref == null || ref == 0) {
            return null;
        }
        return 100 * (value - ref) / ref;
    }

    public static Double product(Double a, Double b) {
        return a == null || b == null ? null : a * b;
    }

    public static Double ratio(Double numerator, Double denominator) {
        return numerator == null || denominator == null || denominator == 0 ? null : numerator / denominator;
    }

    /** NaN (our internal "unknown") as null. */
    public static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
