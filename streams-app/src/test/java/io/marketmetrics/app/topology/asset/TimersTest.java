package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.testing.RocksDbStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timer index over a real RocksDB store: due timers in due order; the store keeps only the last swept time. */
class TimersTest {

    @TempDir
    Path stateDir;
    private KeyValueStore<Bytes, byte[]> store;

    @BeforeEach
    void open() {
        store = RocksDbStores.bytes(stateDir, "timers");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givesWhatIsDueInDueOrderAndNothingTwice() {
        Timers timers = new Timers(store);
        Timers.Timer btc = new Timers.Timer(120_000, Timers.Kind.ASSET_WINDOW, 0, "BTC");
        Timers.Timer eth = new Timers.Timer(60_000, Timers.Kind.MARKET_CANDLE_1M, 0, "x:ETH-USD");
        Timers.Timer late = new Timers.Timer(600_000, Timers.Kind.ASSET_CANDLE_1H, 0, "SOL");
        timers.schedule(btc);
        timers.schedule(eth);
        timers.schedule(late);

        assertThat(timers.takeDue(59_999)).isEmpty();
        assertThat(timers.takeDue(120_000)).containsExactly(eth, btc);
        assertThat(timers.takeDue(120_000)).isEmpty();
        assertThat(timers.takeDue(700_000)).containsExactly(late);
    }

    @Test
    void timersOfTheSameDueTimeComeByKindThenInTheOrderScheduled() {
        Timers timers = new Timers(store);
        Timers.Timer market = new Timers.Timer(60_000, Timers.Kind.MARKET_WINDOW, 0, "x:BTC-USD");
        Timers.Timer assetB = new Timers.Timer(60_000, Timers.Kind.ASSET_WINDOW, 0, "BTC");
        Timers.Timer assetA = new Timers.Timer(60_000, Timers.Kind.ASSET_WINDOW, 0, "ADA");
        Timers.Timer candle9 = new Timers.Timer(60_000, Timers.Kind.MARKET_CANDLE_1M, 9, "a:ADA-USD");
        Timers.Timer candle8 = new Timers.Timer(60_000, Timers.Kind.MARKET_CANDLE_1M, 8, "b:ADA-USD");
        for (Timers.Timer t : new Timers.Timer[] {candle9, market, assetB, candle8, assetA}) {
            timers.schedule(t);
        }
        assertThat(timers.takeDue(60_000)).containsExactly(assetB, assetA, market, candle9, candle8);
    }

    @Test
    void aCancelledTimerIsNotDue() {
        Timers timers = new Timers(store);
        Timers.Timer kept = new Timers.Timer(60_000, Timers.Kind.ASSET_WINDOW, 0, "BTC");
        Timers.Timer cancelled = new Timers.Timer(60_000, Timers.Kind.ASSET_WINDOW, 0, "ETH");
        timers.schedule(kept);
        timers.schedule(cancelled);
        timers.cancel(cancelled);
        timers.cancel(new Timers.Timer(30_000, Timers.Kind.ASSET_WINDOW, 0, "SOL"));
        assertThat(timers.takeDue(60_000)).containsExactly(kept);
    }

    @Test
    void aTimerScheduledBeforeTheLastSweepIsStillDue() {
        Timers timers = new Timers(store);
        assertThat(timers.takeDue(1_000_000)).isEmpty();
        // A late trade opens a bucket whose candle was due long ago.
        Timers.Timer old = new Timers.Timer(5_000, Timers.Kind.MARKET_CANDLE_1M, 0, "x:BTC-USD");
        timers.schedule(old);
        assertThat(timers.takeDue(1_000_001)).containsExactly(old);
    }

    @Test
    void theStoreKeepsTheLastSweptTimeAsOfTheLastFlush() {
        Timers timers = new Timers(store);
        assertThat(timers.swept()).isEqualTo(Long.MIN_VALUE);
        timers.takeDue(50_000);
        timers.takeDue(40_000);
        assertThat(timers.swept()).isEqualTo(50_000);
        timers.flush();
        timers.takeDue(90_000);

        // A crash here: the commit that would have carried the sweep to 90 000 never happened.
        assertThat(new Timers(store).swept()).isEqualTo(50_000);

        timers.flush();
        Timers restarted = new Timers(store);
        assertThat(restarted.swept()).isEqualTo(90_000);
        assertThat(restarted.fromFormerLayout()).isFalse();
        // The index itself is not kept: the task derives it from its state.
        assertThat(restarted.takeDue(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aFlushWritesOnlyWhenTheSweptTimeMoved() {
        AtomicInteger writes = new AtomicInteger();
        Timers timers = new Timers(countingWrites(writes));
        for (int i = 0; i < 100; i++) {
            timers.schedule(new Timers.Timer(70_000 + i, Timers.Kind.MARKET_CANDLE_1M, i, "x:BTC-USD"));
        }
        timers.cancel(new Timers.Timer(70_000, Timers.Kind.MARKET_CANDLE_1M, 0, "x:BTC-USD"));
        timers.flush();
        assertThat(writes).hasValue(0);

        assertThat(timers.takeDue(70_050)).hasSize(50);
        timers.flush();
        timers.flush();
        assertThat(writes).hasValue(1);
    }

    @Test
    void aStoreOfTheFormerLayoutGivesItsPendingTimersOnceAndIsClearedAtTheFlush() {
        Timers.Timer window = new Timers.Timer(120_000, Timers.Kind.ASSET_WINDOW, 0, "BTC");
        Timers.Timer candle = new Timers.Timer(-60_000, Timers.Kind.MARKET_CANDLE_1H, 7, "x:BTC-USD");
        store.put(formerKey(window), new byte[0]);
        store.put(formerKey(candle), new byte[0]);

        Timers timers = new Timers(store);
        assertThat(timers.fromFormerLayout()).isTrue();
        assertThat(timers.swept()).isEqualTo(Long.MIN_VALUE);
        assertThat(timers.takeDue(120_000)).containsExactly(candle, window);
        timers.flush();

        Timers restarted = new Timers(store);
        assertThat(restarted.fromFormerLayout()).isFalse();
        assertThat(restarted.swept()).isEqualTo(120_000);
        try (var all = store.all()) {
            assertThat(all.next().key.get()).hasSize(1);
            assertThat(all.hasNext()).isFalse();
        }
    }

    /** The key the former layout gave a timer: due time with its sign bit flipped, kind, bucket, subject. */
    private static Bytes formerKey(Timers.Timer t) {
        byte[] subject = t.subject().getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + 1 + Long.BYTES + subject.length)
                .putLong(t.due() ^ Long.MIN_VALUE).put((byte) t.kind().ordinal()).putLong(t.bucket()).put(subject).array());
    }

    /** {@link #store}, counting its puts and deletes. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<Bytes, byte[]> countingWrites(AtomicInteger writes) {
        return (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put") || method.getName().equals("delete")) {
                        writes.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void dueTimesBeforeTheEpochSortFirst() {
        Timers timers = new Timers(store);
        Timers.Timer negative = new Timers.Timer(-60_000, Timers.Kind.ASSET_WINDOW, 0, "A");
        Timers.Timer positive = new Timers.Timer(60_000, Timers.Kind.ASSET_WINDOW, 0, "A");
        timers.schedule(positive);
        timers.schedule(negative);
        assertThat(timers.takeDue(60_000)).containsExactly(negative, positive);
    }
}
