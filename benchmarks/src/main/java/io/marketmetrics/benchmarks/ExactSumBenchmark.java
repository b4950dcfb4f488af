package io.marketmetrics.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.app.topology.calc.ExactSum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact running sums of a window (three per market and per asset, each moved on every trade): one bucket's
 * volume replaced by its grown value, and a leaving bucket subtracted, with volumes of realistic magnitudes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExactSumBenchmark {

    private static final int VALUES = 1024;

    private final double[] volumes = new double[VALUES];
    private ExactSum sum;
    private int i;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < VALUES; k++) {
            // Log-normal notionals around 250 USD, as the simulator draws them.
            volumes[k] = 250 * Math.exp(1.6 * random.nextGaussian());
        }
        sum = new ExactSum();
        for (double v : volumes) {
            sum.add(v);
        }
    }

    /** A bucket grows by one trade: the window's sum replaces its old value with the new one. */
    @Benchmark
    public ExactSum replace() {
        int k = i++ & (VALUES - 1);
        sum.replace(volumes[k], volumes[k] + volumes[(k + 1) & (VALUES - 1)]);
        sum.replace(volumes[k] + volumes[(k + 1) & (VALUES - 1)], volumes[k]);
        return sum;
    }

    /** Reading the sum as a double, as every published figure does. */
    @Benchmark
    public double toDouble() {
        sum.add(volumes[i++ & (VALUES - 1)]);
        return sum.toDouble();
    }
}
