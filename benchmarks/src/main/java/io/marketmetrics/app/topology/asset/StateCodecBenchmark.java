package io.marketmetrics.app.topology.asset;

import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import io.marketmetrics.app.topology.calc.Bucket;
import io.marketmetrics.app.topology.calc.MarketQuote;
import io.marketmetrics.app.topology.calc.RollingWindow;
import org.apache.kafka.common.serialization.Serde;
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
 * The compact codec of an asset's summary (written to its store, hence its changelog, whenever the cache flushes
 * it, and read back on a cache miss): an asset on five markets with a full window (its earlier hourly closes are in
 * a store of their own, {@link Closes}). In the topology's package,
 * as the state classes are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateCodecBenchmark {

    private static final int WINDOW = 1440;

    private final Serde<AssetState> serde = AssetState.serde(WINDOW);
    private AssetState state;
    private byte[] bytes;

    @Setup
    public void setUp() {
        RollingWindow window = new RollingWindow(WINDOW);
        long t = 1_800_000_000_000L;
        for (int m = 0; m < WINDOW; m += 7) {
            Bucket b = Bucket.EMPTY.withPrice(t + m * 60_000L, 60_000 + m).withVolume(0.3, 18_000, 18_000);
            window.onBucketChange(m, Bucket.EMPTY, b);
        }
        state = new AssetState(window, new ArrayList<>());
        state.closeHour = WINDOW / 60;
        state.close = 60_000 + WINDOW;
        for (int v = 0; v < 5; v++) {
            state.putQuote(new MarketQuote("venue-" + v + ":A0/USDT", 60_000 + v, t, 1e6));
        }
        bytes = serde.serializer().serialize("asset-state", state);
    }

    @Benchmark
    public byte[] serialize() {
        return serde.serializer().serialize("asset-state", state);
    }

    @Benchmark
    public AssetState deserialize() {
        return serde.deserializer().deserialize("asset-state", bytes);
    }
}
