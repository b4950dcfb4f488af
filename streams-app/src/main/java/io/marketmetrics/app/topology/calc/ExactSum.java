package io.marketmetrics.app.topology.calc;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact sum of doubles, {@code mantissa x 2^exponent}: adding and subtracting never rounds, so a
 * running sum that adds and removes buckets for days equals the sum of what is in it, to the last bit
 * (METRICS.md, "Precision"). Only {@link #toDouble()} rounds, once, to the nearest double.
 */
public final class ExactSum {

    private BigInteger mantissa;
    private int exponent;

    public ExactSum() {
        this(BigInteger.ZERO, 0);
    }

    private ExactSum(BigInteger mantissa, int exponent) {
        this.mantissa = mantissa;
        this.exponent = exponent;
        normalize();
    }

    /** Rebuilds a sum from {@link #mantissaBytes()} and {@link #exponent()}. */
    public static ExactSum of(byte[] mantissaBytes, int exponent) {
        return new ExactSum(new BigInteger(mantissaBytes), exponent);
    }

    public void add(double x) {
        addSigned(x, false);
    }

    public void subtract(double x) {
        addSigned(x, true);
    }

    /** Replaces a summand {@code before} by {@code after}: how a bucket's double total moves. */
    public void replace(double before, double after) {
        if (before != after) {
            subtract(before);
            add(after);
        }
    }

    public boolean isZero() {
        return mantissa.signum() == 0;
    }

    /** The sum rounded once to the nearest double (ties to even). */
    public double toDouble() {
        int sign = mantissa.signum();
        if (sign == 0) {
            return 0.0;
        }
        BigInteger abs = mantissa.abs();
        int shift = Math.max(0, abs.bitLength() - 62);
        long top = abs.shiftRight(shift).longValue();
        if (shift > 0 && abs.getLowestSetBit() < shift) {
            top |= 1; // sticky bit: far below the 53 kept bits, it only breaks ties correctly
        }
        double d = Math.scalb((double) top, exponent + shift);
        return sign < 0 ? -d : d;
    }

    public byte[] mantissaBytes() {
        return mantissa.toByteArray();
    }

    public int exponent() {
        return exponent;
    }

    private void addSigned(double x, boolean negate) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        if (x == 0.0) {
            return;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        long m = biased == 0 ? fraction : fraction | (1L << 52);
        int e = (biased == 0 ? 1 : biased) - 1075;
        if ((bits < 0) != negate) {
            m = -m;
        }
        BigInteger term = BigInteger.valueOf(m);
        if (mantissa.signum() == 0) {
            mantissa = term;
            exponent = e;
        } else if (e >= exponent) {
            mantissa = mantissa.add(term.shiftLeft(e - exponent));
        } else {
            mantissa = mantissa.shiftLeft(exponent - e).add(term);
            exponent = e;
        }
        normalize();
    }

    private void normalize() {
        if (mantissa.signum() == 0) {
            exponent = 0;
            return;
        }
        int zeros = mantissa.getLowestSetBit();
        if (zeros > 0) {
            mantissa = mantissa.shiftRight(zeros);
            exponent += zeros;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSum other && exponent == other.exponent && mantissa.equals(other.mantissa);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mantissa, exponent);
    }

    @Override
    public String toString() {
        return Double.toString(toDouble());
    }
}
