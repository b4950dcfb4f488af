package io.marketmetrics.app.topology.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        BigDecimal exact = BigDecimal.ZERO;
        List<Double> inside = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (!inside.isEmpty() && random.nextInt(3) == 0) {
                double x = inside.remove(random.nextInt(inside.size()));
                sum.subtract(x);
                exact = exact.subtract(new BigDecimal(x));
            } else {
                double x = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                inside.add(x);
                sum.add(x);
                exact = exact.add(new BigDecimal(x));
            }
            if (i % 97 == 0) {
                // BigDecimal.doubleValue rounds to nearest: the exact sum must round to the same double.
                assertThat(sum.toDouble()).isEqualTo(exact.doubleValue());
            }
        }
        inside.forEach(sum::subtract);
        assertThat(sum.isZero()).isTrue();
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

    @Test
    void refusesNonFiniteNumbers() {
        assertThatThrownBy(() -> new ExactSum().add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExactSum().add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
