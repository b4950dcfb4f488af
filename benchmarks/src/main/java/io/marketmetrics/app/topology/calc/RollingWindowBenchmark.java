package io.marketmetrics.app.topology.calc;

import java.util.concurrent.TimeUnit;

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

/**
 * One trade's bucket update in a rolling window: the minute bucket grows, the window accounts for it, and every
 * {@code tradesPerMinute} trades the window end moves a minute on and the oldest bucket leaves. For window
 * lengths of 1 h, 24 h and 7 d: the design promises a cost per trade that does not grow with the length.
 * Buckets live in the topology tests' sorted map here (in the topology they are a cached window store); in the
 * topology's package, as that map is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RollingWindowBenchmark {

    @Param({"60", "1440", "10080"})
    int windowMinutes;

    @Param({"10"})
    int tradesPerMinute;

    private final TreeBucketSource minuteSource = new TreeBucketSource();
    private final TreeBucketSource hourSource = new TreeBucketSource();
    private RollingWindow window;
    private long minute;
    private int trade;

    @Setup
    public void setUp() {
        window = new RollingWindow(windowMinutes);
        // A full window first, so that every minute's move also expires a bucket.
        for (minute = 0; minute < windowMinutes; minute++) {
            addTrade(minute * 60_000 + 1, 100 + Math.sin(minute));
        }
    }

    @Benchmark
    public RollingWindow tradeUpdate() {
        if (++trade % tradesPerMinute == 0) {
            minute++;
            window.advanceTo(minute, minuteSource, hourSource);
            minuteSource.buckets.headMap(minute - windowMinutes, true).clear();
        }
        addTrade(minute * 60_000 + trade % 60_000, 100 + Math.sin(trade));
        return window;
    }

    private void addTrade(long time, double price) {
        Bucket before = minuteSource.get(minute);
        Bucket after = before.withPrice(time, price).withVolume(0.5, 0.5 * price, 0.5 * price);
        minuteSource.put(minute, after);
        hourSource.put(minute / 60, hourSource.get(minute / 60).withPrice(time, price).withVolume(0.5, 0.5 * price, 0.5 * price));
        window.advanceTo(minute, minuteSource, hourSource);
        window.onBucketChange(minute, before, after);
    }
}
