package io.marketmetrics.app.topology.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketmetrics.app.testing.RocksDbStores;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pending marks on a real RocksDB store, shared by the publishing processor and another one, as in a task. */
class PendingMarksTest {

    @TempDir
    Path stateDir;
    private KeyValueStore<Bytes, byte[]> store;

    @BeforeEach
    void open() {
        store = RocksDbStores.bytes(stateDir, "marks");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachPendingKeyIsTakenOnceAndOnlyOnce() {
        PendingMarks publisher = PendingMarks.forPublisher(store);
        PendingMarks feedback = PendingMarks.forOthers(store);
        publisher.market("x:BTC-USD");
        publisher.asset("BTC");
        publisher.asset("BTC");
        feedback.asset("BTC");
        feedback.asset("ETH");

        assertThat(publisher.take()).containsExactlyInAnyOrder(new PendingMarks.Mark(true, "x:BTC-USD"),
                new PendingMarks.Mark(false, "BTC"), new PendingMarks.Mark(false, "ETH"));
        assertThat(publisher.take()).isEmpty();

        publisher.asset("SOL");
        feedback.asset("BTC");
        assertThat(publisher.take()).containsExactlyInAnyOrder(new PendingMarks.Mark(false, "SOL"),
                new PendingMarks.Mark(false, "BTC"));
        assertThat(publisher.take()).isEmpty();
        assertThat(count()).as("nothing left in the store").isZero();
    }

    @Test
    void marksLeftByAnEarlierRunInEitherLayoutAreTakenFirst() {
        PendingMarks before = PendingMarks.forPublisher(store);
        before.asset("BTC");
        before.take();
        before.market("x:ETH-USD"); // made for the second publication, which never came
        // A mark as versions before 2026-11-26 wrote it: the kind, then the key.
        store.put(Bytes.wrap("aDOGE".getBytes(StandardCharsets.UTF_8)), new byte[0]);

        PendingMarks after = PendingMarks.forPublisher(store);
        after.asset("SOL");
        assertThat(after.take()).containsExactlyInAnyOrder(new PendingMarks.Mark(true, "x:ETH-USD"),
                new PendingMarks.Mark(false, "DOGE"), new PendingMarks.Mark(false, "SOL"));
        after.asset("ADA");
        assertThat(after.take()).containsExactly(new PendingMarks.Mark(false, "ADA"));
        assertThat(count()).isZero();
    }

    @Test
    void thePublisherWritesAKeyOncePerPublication() {
        AtomicInteger puts = new AtomicInteger();
        @SuppressWarnings("unchecked")
        KeyValueStore<Bytes, byte[]> counted = (KeyValueStore<Bytes, byte[]>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put")) {
                        puts.incrementAndGet();
                    }
                    return method.invoke(store, args);
                });
        PendingMarks publisher = PendingMarks.forPublisher(counted);
        PendingMarks feedback = PendingMarks.forOthers(counted);
        for (int i = 0; i < 3; i++) {
            publisher.asset("BTC");
            publisher.market("x:BTC-USD");
        }
        assertThat(puts).as("one asset and one market mark").hasValue(2);
        feedback.asset("BTC");
        feedback.asset("BTC");
        assertThat(puts).as("the other processor does not know when its marks are taken: it writes each").hasValue(4);

        assertThat(publisher.take()).containsExactlyInAnyOrder(new PendingMarks.Mark(true, "x:BTC-USD"),
                new PendingMarks.Mark(false, "BTC"));
        publisher.asset("BTC");
        assertThat(puts).as("marked again for the next publication").hasValue(5);
        assertThat(publisher.take()).containsExactly(new PendingMarks.Mark(false, "BTC"));
    }

    @Test
    void onlyThePublisherTakes() {
        assertThatThrownBy(() -> PendingMarks.forOthers(store).take()).isInstanceOf(IllegalStateException.class);
    }

    private long count() {
        try (var all = store.all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }
}
