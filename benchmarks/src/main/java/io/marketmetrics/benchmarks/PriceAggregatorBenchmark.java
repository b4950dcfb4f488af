package io.marketmetrics.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.app.topology.calc.MarketQuote;
import io.marketmetrics.app.topology.calc.PriceAggregator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The evaluation every trade triggers: the asset's aggregated USD price over its markets' latest quotes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PriceAggregatorBenchmark {

    @Param({"5", "15"})
    int markets;

    private final PriceAggregator aggregator = new PriceAggregator(0.10);
    private final List<MarketQuote> quotes = new ArrayList<>();
    private long now = 1_800_000_000_000L;

    @Setup
    public void setUp() {
        for (int m = 0; m < markets; m++) {
            quotes.add(new MarketQuote("venue-" + m + ":A0/USDT", 60_000 * (1 + 0.001 * m), now - 1_000L * m,
                    1e6 / (m + 1)));
        }
    }

    @Benchmark
    public OptionalDouble evaluate() {
        return aggregator.price(quotes, now++);
    }
}
