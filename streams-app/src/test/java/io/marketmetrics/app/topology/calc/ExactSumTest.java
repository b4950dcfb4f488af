package io.marketmetrics.app.topology.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    @Test
    void addingAndRemovingEverythingLeavesExactlyZero() {
        ExactSum sum = new ExactSum();
        sum.add(1e20);
        sum.add(1e-20);
        sum.add(0.1);
        sum.subtract(1e20);
        sum.subtract(0.1);
        assertThat(sum.toDouble()).isEqualTo(1e-20);
        sum.subtract(1e-20);
        assertThat(sum.isZero()).isTrue();
        assertThat(sum.toDouble()).isZero();
    }

    @Test
    void matchesBigDecimalOverRandomAddsAndRemovesOfWildMagnitudes() {
        Random random = new Random(7);
        ExactSum sum = new ExactSum();
        List<Double> inside = addAndRemoveAtRandom(sum, random, () -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20),
                (exact, i) -> {
                    if (i % 97 == 0) {
                        // BigDecimal.doubleValue rounds to nearest: the exact sum must round to the same double.
                        assertThat(sum.toDouble()).isEqualTo(exact.doubleValue());
                        assertThat(valueOf(sum)).isEqualByComparingTo(exact);
                    }
                });
        inside.forEach(sum::subtract);
        assertThat(sum.isZero()).isTrue();
    }

    /**
     * Terms from 2^-60 to 2^70, so that the mantissa crosses the width held in two longs (125 bits) both ways, and
     * volumes of trades (2^-27 to 2^23), which stay within it: the sum is exact at every step, and a sum that went
     * past the two longs and came back equals one that never left them.
     */
    @Test
    void staysExactAcrossTheWidthOfTwoLongs() {
        Random random = new Random(11);
        for (int range : new int[] {130, 50}) {
            ExactSum sum = new ExactSum();
            int lowest = range == 130 ? -60 : -27;
            List<Double> inside = addAndRemoveAtRandom(sum, random, () -> {
                double x = Math.scalb(random.nextDouble() + 0.5, random.nextInt(range) + lowest);
                return random.nextInt(4) == 0 ? -x : x;
            }, (exact, i) -> {
                assertThat(valueOf(sum)).isEqualByComparingTo(exact);
                assertThat(sum.toDouble()).isEqualTo(exact.doubleValue());
            });
            ExactSum fresh = new ExactSum();
            inside.forEach(fresh::add);
            assertThat(sum).isEqualTo(fresh);
            assertThat(ExactSum.of(sum.mantissaBytes(), sum.exponent())).isEqualTo(sum);
        }
    }

    /**
     * 20,000 steps, each adding a new {@code term} to {@code sum} or (one in three) subtracting one added before,
     * then calling {@code check} with the step and the exact sum; returns the terms still in the sum.
     */
    private static List<Double> addAndRemoveAtRandom(ExactSum sum, Random random, DoubleSupplier term,
                                                     ObjIntConsumer<BigDecimal> check) {
        BigDecimal exact = BigDecimal.ZERO;
        List<Double> inside = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (!inside.isEmpty() && random.nextInt(3) == 0) {
                double x = inside.remove(random.nextInt(inside.size()));
                sum.subtract(x);
                exact = exact.subtract(new BigDecimal(x));
            } else {
                double x = term.getAsDouble();
                inside.add(x);
                sum.add(x);
                exact = exact.add(new BigDecimal(x));
            }
            check.accept(exact, i);
        }
        return inside;
    }

    @Test
    void aCarryPastTheTwoLongsIsKeptAndGivenBack() {
        ExactSum sum = new ExactSum();
        sum.add(Math.scalb(1.0, 70));
        sum.add(Math.scalb(1.0, -55)); // 2^125 + 1 units of 2^-55: 126 bits
        assertThat(valueOf(sum)).isEqualByComparingTo(new BigDecimal(Math.scalb(1.0, 70)).add(new BigDecimal(Math.scalb(1.0, -55))));
        sum.subtract(Math.scalb(1.0, 70));
        ExactSum small = new ExactSum();
        small.add(Math.scalb(1.0, -55));
        assertThat(sum).isEqualTo(small);
        assertThat(sum.toDouble()).isEqualTo(Math.scalb(1.0, -55));
    }

    @Test
    void roundTripsThroughItsBytes() {
        ExactSum sum = new ExactSum();
        sum.add(123.456);
        sum.add(-7e-12);
        ExactSum copy = ExactSum.of(sum.mantissaBytes(), sum.exponent());
        assertThat(copy).isEqualTo(sum);
        assertThat(copy.toDouble()).isEqualTo(sum.toDouble());
    }

    /** The exact value, from the mantissa and exponent the sum is stored as. */
    private static BigDecimal valueOf(ExactSum sum) {
        BigInteger mantissa = new BigInteger(sum.mantissaBytes());
        int e = sum.exponent();
        return e >= 0 ? new BigDecimal(mantissa.shiftLeft(e)) : new BigDecimal(mantissa.multiply(BigInteger.valueOf(5).pow(-e)), -e);
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThatThrownBy(() -> new ExactSum().add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExactSum().add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
