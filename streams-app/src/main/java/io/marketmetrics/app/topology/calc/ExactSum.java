package io.marketmetrics.app.topology.calc;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An exact sum of doubles, {@code mantissa x 2^exponent}: adding and subtracting never rounds, so a
 * running sum that adds and removes buckets for days equals the sum of what is in it, to the last bit
 * (METRICS.md, "Precision"). Only {@link #toDouble()} rounds, once, to the nearest double.
 *
 * <p>The mantissa is odd (or zero, with exponent 0). It is held in two longs, a 128-bit two's complement
 * number, while it has at most {@value #SMALL_BITS} bits, as a window's volumes nearly always do (from a
 * trade of 10^-8 units to a day's 10^11 USD is about 120 bits); a {@link BigInteger} holds it beyond. Every
 * trade moves six of these sums, and the two longs spare each move the allocations of {@code BigInteger}.
 */
public final class ExactSum {

    /** The largest mantissa held in two longs: room for a term shifted in and a carry without overflow. */
    private static final int SMALL_BITS = 125;
    /** A double's mantissa, with its hidden bit: 53 bits. */
    private static final int TERM_BITS = 53;

    private long hi;
    private long lo;
    /** The mantissa when it has more than {@link #SMALL_BITS} bits; null while {@link #hi}, {@link #lo} hold it. */
    private BigInteger big;
    private int exponent;

    public ExactSum() {
    }

    /** Rebuilds a sum from {@link #mantissaBytes()} and {@link #exponent()}. */
    public static ExactSum of(byte[] mantissaBytes, int exponent) {
        ExactSum sum = new ExactSum();
        sum.setMantissa(new BigInteger(mantissaBytes), exponent);
        return sum;
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
        return big == null && hi == 0 && lo == 0;
    }

    /** The sum rounded once to the nearest double (ties to even). */
    public double toDouble() {
        if (big != null) {
            return bigToDouble(big, exponent);
        }
        if (hi == 0 && lo == 0) {
            return 0.0;
        }
        boolean negative = hi < 0;
        long aHi = hi;
        long aLo = lo;
        if (negative) {
            aLo = -lo;
            aHi = ~hi + (aLo == 0 ? 1 : 0);
        }
        int shift = Math.max(0, bitLength(aHi, aLo) - 62);
        return rounded(shiftRight(aHi, aLo, shift), shift, exponent, negative);
    }

    public byte[] mantissaBytes() {
        return mantissa().toByteArray();
    }

    public int exponent() {
        return exponent;
    }

    private BigInteger mantissa() {
        if (big != null) {
            return big;
        }
        return new BigInteger(ByteBuffer.allocate(16).putLong(hi).putLong(lo).array());
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
        if (big == null && addSmall(m, e)) {
            return;
        }
        // Here the sum is not zero: a zero sum takes any term in two longs.
        BigInteger mantissa = mantissa();
        BigInteger term = BigInteger.valueOf(m);
        if (e >= exponent) {
            setMantissa(mantissa.add(term.shiftLeft(e - exponent)), exponent);
        } else {
            setMantissa(mantissa.shiftLeft(exponent - e).add(term), e);
        }
    }

    /** Adds {@code m x 2^e} in two longs; false, with nothing changed, when the result might not fit. */
    private boolean addSmall(long m, int e) {
        if (hi == 0 && lo == 0) {
            int zeros = Long.numberOfTrailingZeros(m);
            lo = m >> zeros;
            hi = lo >> 63;
            exponent = e + zeros;
            return true;
        }
        long tHi = m >> 63;
        long tLo = m;
        long sHi = hi;
        long sLo = lo;
        int newExponent = exponent;
        if (e >= exponent) {
            int d = e - exponent;
            if (TERM_BITS + d > SMALL_BITS) {
                return false;
            }
            tHi = shiftLeftHi(tHi, tLo, d);
            tLo = d >= 64 ? 0 : tLo << d;
        } else {
            int d = exponent - e;
            if (bitLength(sHi, sLo) + d > SMALL_BITS) {
                return false;
            }
            sHi = shiftLeftHi(sHi, sLo, d);
            sLo = d >= 64 ? 0 : sLo << d;
            newExponent = e;
        }
        long rLo = sLo + tLo;
        long rHi = sHi + tHi + (Long.compareUnsigned(rLo, sLo) < 0 ? 1 : 0);
        if (rHi == 0 && rLo == 0) {
            hi = 0;
            lo = 0;
            exponent = 0;
            return true;
        }
        int zeros = rLo != 0 ? Long.numberOfTrailingZeros(rLo) : 64 + Long.numberOfTrailingZeros(rHi);
        hi = zeros >= 64 ? rHi >> 63 : rHi >> zeros;
        lo = shiftRight(rHi, rLo, zeros);
        exponent = newExponent + zeros;
        if (bitLength(hi, lo) > SMALL_BITS) {
            // Both summands had at most SMALL_BITS bits, so the sum did not overflow the two longs.
            big = mantissa();
            hi = 0;
            lo = 0;
        }
        return true;
    }

    /** Sets the mantissa, made odd: into two longs when it fits, else a {@code BigInteger}. */
    private void setMantissa(BigInteger mantissa, int e) {
        if (mantissa.signum() == 0) {
            big = null;
            hi = 0;
            lo = 0;
            exponent = 0;
            return;
        }
        int zeros = mantissa.getLowestSetBit();
        BigInteger odd = mantissa.shiftRight(zeros);
        exponent = e + zeros;
        if (odd.bitLength() <= SMALL_BITS) {
            big = null;
            lo = odd.longValue();
            hi = odd.shiftRight(64).longValue();
        } else {
            big = odd;
            hi = 0;
            lo = 0;
        }
    }

    /** The high word of a 128-bit number shifted left by {@code d} (0 to 127) bits. */
    private static long shiftLeftHi(long hi, long lo, int d) {
        if (d == 0) {
            return hi;
        }
        return d >= 64 ? lo << (d - 64) : (hi << d) | (lo >>> (64 - d));
    }

    /** The low word of a 128-bit number shifted right, with its sign, by {@code d} (0 to 127) bits. */
    private static long shiftRight(long hi, long lo, int d) {
        if (d == 0) {
            return lo;
        }
        return d >= 64 ? hi >> (d - 64) : (lo >>> d) | (hi << (64 - d));
    }

    /** As {@link BigInteger#bitLength()}: the bits of the number without its sign bit. */
    private static int bitLength(long hi, long lo) {
        if (hi < 0) {
            hi = ~hi;
            lo = ~lo;
        }
        return hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
    }

    private static double bigToDouble(BigInteger mantissa, int exponent) {
        BigInteger abs = mantissa.abs();
        int shift = Math.max(0, abs.bitLength() - 62);
        return rounded(abs.shiftRight(shift).longValue(), shift, exponent, mantissa.signum() < 0);
    }

    /**
     * {@code top x 2^(exponent + shift)} rounded once to a double, {@code top} being the mantissa's magnitude
     * shifted right by {@code shift} to at most 62 bits.
     */
    private static double rounded(long top, int shift, int exponent, boolean negative) {
        if (shift > 0) {
            top |= 1; // sticky bit: the mantissa is odd, so bits were dropped; it only breaks ties correctly
        }
        double d = Math.scalb((double) top, exponent + shift);
        return negative ? -d : d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSum other && exponent == other.exponent && hi == other.hi && lo == other.lo
                && Objects.equals(big, other.big);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hi, lo, big, exponent);
    }

    @Override
    public String toString() {
        return Double.toString(toDouble());
    }
}
