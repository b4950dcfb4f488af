package io.marketmetrics.app.topology.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import io.marketmetrics.app.testing.RocksDbStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dedupe's index over a real RocksDB window store: exact within the window, stored in batches. */
class AcceptedTradesTest {

    private static final long HOUR = 3_600_000;
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path stateDir;
    private WindowStore<String, byte[]> store;
    private final AtomicInteger writes = new AtomicInteger();

    @BeforeEach
    void open() {
        store = RocksDbStores.window(stateDir, "accepted", Duration.ofMillis(AcceptedTrades.retentionMs(HOUR, 300_000)),
                Duration.ofMillis(HOUR));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anIdCountsFromItsEventTimeForOneWindow() {
        AcceptedTrades accepted = new AcceptedTrades(store, HOUR);
        long id = AcceptedTrades.id("binance:BTC-USDT", "42");
        assertThat(accepted.acceptedSince(id, T0 - HOUR, T0)).isFalse();
        accepted.accept(id, T0, T0);
        assertThat(accepted.acceptedSince(id, T0, T0)).isTrue();
        assertThat(accepted.acceptedSince(id, T0 + 1, T0 + HOUR + 1)).isFalse();
        assertThat(accepted.acceptedSince(AcceptedTrades.id("kraken:BTC-USDT", "42"), T0 - HOUR, T0)).isFalse();
    }

    @Test
    void aFlushWritesOneRecordForEveryIdAcceptedSinceTheLast() {
        AcceptedTrades accepted = new AcceptedTrades(countingWrites(), HOUR);
        accepted.acceptedSince(0, T0 - HOUR, T0);
        for (int i = 0; i < 1_000; i++) {
            accepted.accept(AcceptedTrades.id("binance:BTC-USDT", Integer.toString(i)), T0 + i, T0 + i);
        }
        assertThat(writes).hasValue(0);
        accepted.flush();
        accepted.flush();
        assertThat(writes).hasValue(1);

        AcceptedTrades restarted = new AcceptedTrades(store, HOUR);
        for (int i = 0; i < 1_000; i++) {
            assertThat(restarted.acceptedSince(AcceptedTrades.id("binance:BTC-USDT", Integer.toString(i)), T0, T0 + 1_000))
                    .as("id %d", i).isTrue();
        }
    }

    @Test
    void aBatchIsWrittenEarlyWhenItIsFull() {
        AcceptedTrades accepted = new AcceptedTrades(countingWrites(), HOUR);
        accepted.acceptedSince(0, T0 - HOUR, T0);
        for (int i = 0; i <= AcceptedTrades.BATCH_IDS; i++) {
            accepted.accept(i, T0, T0);
        }
        assertThat(writes).hasValue(1);
        accepted.flush();
        assertThat(writes).hasValue(2);
        AcceptedTrades restarted = new AcceptedTrades(store, HOUR);
        assertThat(restarted.acceptedSince(0, T0, T0)).isTrue();
        assertThat(restarted.acceptedSince(AcceptedTrades.BATCH_IDS, T0, T0)).isTrue();
        assertThat(restarted.size()).isEqualTo(AcceptedTrades.BATCH_IDS + 1);
    }

    @Test
    void whatWasNotFlushedIsNotKeptAndWhatLeftTheWindowIsNotRead() {
        AcceptedTrades accepted = new AcceptedTrades(store, HOUR);
        accepted.acceptedSince(0, T0 - HOUR, T0);
        accepted.accept(1, T0, T0);
        accepted.accept(2, T0 + 10, T0 + 10);
        accepted.flush();
        accepted.accept(3, T0 + 20, T0 + 20);

        // A crash here: the commit that would have carried id 3 never happened.
        AcceptedTrades restarted = new AcceptedTrades(store, HOUR);
        assertThat(restarted.acceptedSince(3, T0, T0 + 20)).isFalse();
        assertThat(restarted.acceptedSince(2, T0, T0 + 20)).isTrue();

        AcceptedTrades later = new AcceptedTrades(store, HOUR);
        assertThat(later.acceptedSince(2, T0 + 5, T0 + HOUR + 5)).isTrue();
        assertThat(later.size()).isEqualTo(1);
    }

    @Test
    void aBatchSpanningMoreThanAWindowIsKeptAsLongAsItsNewestIdCounts() {
        // A sparse replay with long commits: one batch spans two hours of event time.
        AcceptedTrades accepted = new AcceptedTrades(store, HOUR);
        accepted.acceptedSince(0, T0 - HOUR, T0);
        accepted.accept(1, T0, T0);
        accepted.accept(2, T0 + 2 * HOUR, T0 + 2 * HOUR);
        accepted.flush();
        // Half an hour later another batch moves the store's time on: id 2 still counts.
        accepted.accept(3, T0 + 2 * HOUR + HOUR / 2, T0 + 2 * HOUR + HOUR / 2);
        accepted.flush();

        AcceptedTrades restarted = new AcceptedTrades(store, HOUR);
        assertThat(restarted.acceptedSince(2, T0 + HOUR + HOUR / 2, T0 + 2 * HOUR + HOUR / 2)).isTrue();
    }

    @Test
    void idsOutOfTheWindowLeaveTheIndex() {
        AcceptedTrades accepted = new AcceptedTrades(store, HOUR);
        accepted.acceptedSince(0, T0 - HOUR, T0);
        for (int i = 0; i < 100; i++) {
            accepted.accept(i, T0, T0);
        }
        accepted.accept(100, T0 + HOUR, T0 + HOUR);
        assertThat(accepted.size()).isEqualTo(101);
        // An eighth of a window past the window, the index is swept.
        accepted.accept(101, T0 + HOUR + HOUR / 8 + 1, T0 + HOUR + HOUR / 8 + 1);
        assertThat(accepted.size()).isEqualTo(2);
    }

    /** {@link #store}, counting its puts in {@link #writes}. */
    @SuppressWarnings("unchecked")
    private WindowStore<String, byte[]> countingWrites() {
        return (WindowStore<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WindowStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put")) {
                        writes.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
