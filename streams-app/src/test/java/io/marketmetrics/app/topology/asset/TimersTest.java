package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.testing.RocksDbStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timer index over a real RocksDB store: due timers in due order, and the store written only by a flush. */
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
        // What was taken is deleted from the store at the flush.
        timers.flush();
        assertThat(new Timers(store).takeDue(700_000)).isEmpty();
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
    void aNewIndexOverTheSameStoreFindsEverythingLeft() {
        Timers before = new Timers(store);
        Timers.Timer kept = new Timers.Timer(30_000, Timers.Kind.ASSET_WINDOW, 0, "BTC");
        Timers.Timer done = new Timers.Timer(20_000, Timers.Kind.MARKET_CANDLE_1M, 7, "x:BTC-USD");
        before.schedule(kept);
        before.schedule(done);
        before.flush();
        before.cancel(done);
        before.flush();
        assertThat(before.takeDue(10_000)).isEmpty();

        // After a restart the index knows nothing of earlier sweeps.
        Timers after = new Timers(store);
        assertThat(after.takeDue(40_000)).containsExactly(kept);
    }

    @Test
    void theStoreHoldsOnlyWhatWasFlushed() {
        Timers timers = new Timers(store);
        Timers.Timer flushed = new Timers.Timer(30_000, Timers.Kind.ASSET_WINDOW, 0, "BTC");
        timers.schedule(flushed);
        timers.flush();
        Timers.Timer notYet = new Timers.Timer(40_000, Timers.Kind.ASSET_WINDOW, 0, "ETH");
        timers.schedule(notYet);
        timers.cancel(flushed);

        // A crash here: the commit that would have carried both changes never happened.
        assertThat(new Timers(store).takeDue(50_000)).containsExactly(flushed);

        timers.flush();
        assertThat(new Timers(store).takeDue(50_000)).containsExactly(notYet);
    }

    @Test
    void aTimerScheduledAndDoneBetweenTwoFlushesIsNeverWritten() {
        AtomicInteger writes = new AtomicInteger();
        Timers timers = new Timers(countingWrites(writes));
        Timers.Timer candle = new Timers.Timer(70_000, Timers.Kind.MARKET_CANDLE_1M, 0, "x:BTC-USD");
        Timers.Timer window = new Timers.Timer(60_000, Timers.Kind.MARKET_WINDOW, 0, "x:BTC-USD");
        timers.schedule(candle);
        timers.schedule(window);
        timers.cancel(window);
        assertThat(timers.takeDue(70_000)).containsExactly(candle);
        timers.flush();
        assertThat(writes).hasValue(0);
        assertThat(new Timers(store).takeDue(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void aFlushWritesOnlyWhatTheStoreDoesNotHoldYet() {
        AtomicInteger writes = new AtomicInteger();
        Timers timers = new Timers(countingWrites(writes));
        Timers.Timer window = new Timers.Timer(60_000, Timers.Kind.ASSET_WINDOW, 0, "BTC");
        timers.schedule(window);
        timers.flush();
        assertThat(writes).hasValue(1);

        // Cancelled and scheduled again before the next commit: the store already holds it.
        timers.cancel(window);
        timers.schedule(window);
        timers.flush();
        assertThat(writes).hasValue(1);
        assertThat(new Timers(store).takeDue(60_000)).containsExactly(window);

        // Scheduled again while held, then cancelled: one deletion.
        timers.schedule(window);
        timers.cancel(window);
        timers.flush();
        assertThat(writes).hasValue(2);
        assertThat(new Timers(store).takeDue(Long.MAX_VALUE)).isEmpty();
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
